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
    };
}
