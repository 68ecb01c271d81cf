namespace ThalNet.Runtime.Analysis;

/// <summary>What <see cref="ModelReport"/> analyses and how; every option has a default that suits a first look.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The run's name in titles and in comparisons (<see cref="RunComparison"/>); null uses the model's name.</summary>
    public string? RunName { get; init; }

    /// <summary>Examples per evaluation batch (example sources; a stream source brings its own streams).</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>Evaluates on at most this many batches (segments, for streams); null evaluates on all the data.</summary>
    public int? MaxBatches { get; init; }

    /// <summary>
    /// The example (or, for a stream source, the stream over its first segment) whose fast-reader attention, attention
    /// readers' weights on the modules and the null slot, and active modules are traced per step and sub-step.
    /// </summary>
    public int TraceExample { get; init; }

    /// <summary>Whether to evaluate the model once more per module with that module's slice of the center zeroed.</summary>
    public bool Ablation { get; init; } = true;

    /// <summary>The connectivity graph's edge threshold; null uses <see cref="ConnectivityMatrix.DefaultThreshold"/>.</summary>
    public double? ConnectivityThreshold { get; init; }

    /// <summary>A JSON-lines metrics log of the training run (<see cref="Training.TrainerOptions.MetricsPath"/>) to draw curves from; skipped when absent.</summary>
    public string? MetricsPath { get; init; }

    /// <summary>How the reading-weight heatmaps look (cell size, colours, percentile range).</summary>
    public HeatmapOptions Heatmaps { get; init; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBatches ?? 1, nameof(MaxBatches));
        ArgumentOutOfRangeException.ThrowIfNegative(TraceExample, nameof(TraceExample));
    }
}
