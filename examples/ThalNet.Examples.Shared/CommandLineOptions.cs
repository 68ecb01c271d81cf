using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>
/// Checks the training options of a command line before any data loads: every <see cref="TrainerOptions.Problems"/>
/// entry is shown under the option the user typed (<c>BatchSize</c> as <c>--batch-size</c>).
/// </summary>
internal static class CommandLineOptions
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        [nameof(TrainerOptions.Epochs)] = "--epochs",
        [nameof(TrainerOptions.BatchSize)] = "--batch-size",
        [nameof(TrainerOptions.Workers)] = "--threads",
        [nameof(TrainerOptions.MaxBatchesPerEpoch)] = "--max-batches",
        [nameof(TrainerOptions.MaxEvaluationBatches)] = "--max-eval-batches",
        [nameof(TrainerOptions.LearningRate)] = "--lr",
        [nameof(TrainerOptions.CosineDecayTo)] = "--lr-decay-to",
        [nameof(TrainerOptions.MaxGradientNorm)] = "--clip",
        [nameof(TrainerOptions.CheckpointPath)] = "--checkpoint",
        [nameof(TrainerOptions.Resume)] = "--resume",
        [nameof(TrainerOptions.MetricsPath)] = "--metrics",
        [nameof(TrainerOptions.TensorBoardPath)] = "--tensorboard",
        [nameof(TrainerOptions.KeepBestMetric)] = "--keep-best",
        [nameof(TrainerOptions.BestCheckpointPath)] = "--keep-best",
        [nameof(TrainerOptions.EarlyStoppingMetric)] = "--early-stop",
        [nameof(TrainerOptions.EarlyStoppingPatience)] = "--patience",
        [nameof(TrainerOptions.Schedule)] = "--lr-schedule",
        [nameof(TrainerOptions.WarmupSteps)] = "--warmup",
    };

    /// <summary>The option a user types for <paramref name="property"/> of <see cref="TrainerOptions"/>.</summary>
    public static string Name(string property) => OptionOf.GetValueOrDefault(property, property);

    /// <summary>Null when <paramref name="options"/> can train; otherwise every problem, in one line, in the user's option names.</summary>
    public static string? Problems(TrainerOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? null : string.Join(" ", problems.Select(p => p.Describe(Name)));
    }
}
