namespace ThalNet.Runtime.Analysis;

/// <summary>A named series of (x, y) points; non-finite y values leave a gap in the line.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points)
{
    /// <summary>The palette index of its colour, shared by series of one output; null takes the series' own position.</summary>
    public int? Hue { get; init; }

    /// <summary>Whether its line is dashed (the test split beside a solid train line of the same hue).</summary>
    public bool Dashed { get; init; }
}

/// <summary>A line chart: title, axis labels and series, rendered by <see cref="LineChartSvg"/>.</summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series);
