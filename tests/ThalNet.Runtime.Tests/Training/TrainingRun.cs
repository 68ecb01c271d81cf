using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

/// <summary>What one trainer run produced: its result, every batch loss and the final parameters' bits.</summary>
internal sealed record TrainingRun(TrainingResult Result, List<float> Losses, int[] ParameterBits)
{
    /// <summary>
    /// Trains with <paramref name="fit"/>, requesting cancellation from inside the step that reaches
    /// <paramref name="cancelAtStep"/> (the trainer then stops after that batch, as after Ctrl+C).
    /// </summary>
    public static TrainingRun Of(
        Func<RandomSource, TinyThalNet> createModel,
        TrainerOptions options,
        Func<Trainer<TinyThalNet>, CancellationToken, TrainingResult> fit,
        long cancelAtStep = -1)
    {
        var losses = new List<float>();
        using var cancellation = new CancellationTokenSource();
        using var trainer = new Trainer<TinyThalNet>(createModel, options);
        trainer.BatchCompleted += step =>
        {
            losses.Add(step.Loss);
            if (step.GlobalStep == cancelAtStep)
            {
                cancellation.Cancel();
            }
        };
        var result = fit(trainer, cancellation.Token);
        return new TrainingRun(result, losses, Bits(trainer.Model));
    }

    public static int[] Bits(TinyThalNet model) =>
        [.. model.Parameters().SelectMany(p => p.Data.ToArray()).Select(BitConverter.SingleToInt32Bits)];

    /// <summary>The epoch's metrics without its timings, for exact comparison.</summary>
    public static string Metrics(EpochSummary epoch) =>
        string.Join(" ", new[] { epoch.Train, epoch.Test }.Where(m => m is not null).SelectMany(m => m!.Outputs)
            .Select(o => $"{o.Name}:{BitConverter.DoubleToInt64Bits(o.Loss)}:{BitConverter.DoubleToInt64Bits(o.Accuracy)}:{o.Predictions}"))
        + $" step {epoch.GlobalStep}";
}
