namespace ThalNet.Runtime.Analysis;

/// <summary>A named series of (x, y) points; non-finite y values leave a gap in the line.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points);

/// <summary>A line chart: title, axis labels and series, rendered by <see cref="LineChartSvg"/>.</summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series);
