using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>What every example is told on its command line.</summary>
public sealed record ExampleSettings(
    string DataDirectory,
    int Epochs,
    int BatchSize,
    ulong Seed,
    string? CheckpointPath,
    bool Resume,
    int? MaxBatches,
    int? MaxEvaluationBatches,
    int Workers,
    float LearningRate,
    float? LearningRateDecayTo,
    float? MaxGradientNorm,
    string? MetricsPath,
    bool Progress)
{
    /// <summary>The chosen --task of examples that offer several.</summary>
    public string? Task { get; init; }

    /// <summary>analyze: the test example whose fast-reader attention is traced step by step.</summary>
    public int TraceExample { get; init; }

    /// <summary>How analyze evaluates: in batches of <see cref="BatchSize"/>, at most <see cref="MaxEvaluationBatches"/>, with the curves of <see cref="MetricsPath"/>.</summary>
    public AnalysisOptions ToAnalysisOptions() => new()
    {
        BatchSize = BatchSize,
        MaxBatches = MaxEvaluationBatches,
        MetricsPath = MetricsPath,
        TraceExample = TraceExample,
    };

    /// <summary>--allow-non-finite: train on through NaN or infinite losses instead of stopping.</summary>
    public bool AllowNonFinite { get; init; }

    /// <summary><c>--backend</c>: <c>engine</c> (the project's own CPU engine) or <c>torchsharp</c>.</summary>
    public string Backend { get; init; } = BackendOptions.Engine;

    /// <summary><c>--device</c> for the TorchSharp backend: <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary><c>--tensorboard</c>: the TensorBoard log folder, or null.</summary>
    public string? TensorBoardPath { get; init; }

    /// <summary><c>--keep-best</c>: the metric that picks the best checkpoint, or null.</summary>
    public string? KeepBestMetric { get; init; }

    /// <summary><c>--early-stop</c>: the metric early stopping watches, or null.</summary>
    public string? EarlyStoppingMetric { get; init; }

    /// <summary><c>--patience</c>: epochs without improvement before early stopping.</summary>
    public int EarlyStoppingPatience { get; init; } = 5;

    /// <summary><c>--lr-schedule</c>: the learning-rate schedule, or null for constant (or cosine via --lr-decay-to).</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary><c>--warmup</c>: optimizer steps of linear warm-up.</summary>
    public int WarmupSteps { get; init; }

    public TrainerOptions ToTrainerOptions(OptimizerKind optimizer = OptimizerKind.RmsProp) => new()
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        Seed = Seed,
        Optimizer = optimizer,
        LearningRate = LearningRate,
        CosineDecayTo = LearningRateDecayTo,
        MaxGradientNorm = MaxGradientNorm,
        Workers = Workers,
        MaxBatchesPerEpoch = MaxBatches,
        MaxEvaluationBatches = MaxEvaluationBatches,
        CheckpointPath = CheckpointPath,
        Resume = Resume,
        MetricsPath = MetricsPath,
        Progress = Progress,
        AllowNonFinite = AllowNonFinite,
        TensorBoardPath = TensorBoardPath,
        KeepBestMetric = KeepBestMetric,
        EarlyStoppingMetric = EarlyStoppingMetric,
        EarlyStoppingPatience = EarlyStoppingPatience,
        Schedule = Schedule,
        WarmupSteps = WarmupSteps,
    };
}
