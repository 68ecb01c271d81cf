namespace ThalNet.Runtime.Analysis;

/// <summary>How reading-weight heatmaps look.</summary>
public sealed record HeatmapOptions
{
    /// <summary>Pixels per matrix element.</summary>
    public double CellSize { get; init; } = 4;

    /// <summary>The colour scale from the lowest to the highest magnitude (viridis by default).</summary>
    public ColorScale Colors { get; init; } = ColorScale.Viridis;

    /// <summary>Magnitudes at or below this percentile get the lowest colour.</summary>
    public double LowPercentile { get; init; } = 5;

    /// <summary>Magnitudes at or above this percentile get the highest colour.</summary>
    public double HighPercentile { get; init; } = 95;
}
