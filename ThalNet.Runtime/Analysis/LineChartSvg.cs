using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Draws a <see cref="LineChart"/>: axes with round-number ticks and grid lines, one line per series in its hue
/// (<see cref="ChartSeries.Hue"/>), dashed where <see cref="ChartSeries.Dashed"/>, and a legend.
/// </summary>
public static class LineChartSvg
{
    private const double Left = 64;
    private const double Top = 40;
    private const double Bottom = 48;
    private const double LegendGap = 16;
    private const int MaxPointsWithMarkers = 60;

    private const string Dash = "6 4";

    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

    /// <summary>The chart as an SVG: one line per series with a legend, axes scaled to the data, markers where a series
    /// has few points.</summary>
    /// <param name="chart">The chart to draw.</param>
    /// <param name="plotWidth">Width of the plot area in pixels.</param>
    /// <param name="plotHeight">Height of the plot area in pixels.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="chart"/> is null.</exception>
    public static string Render(LineChart chart, double plotWidth = 520, double plotHeight = 300)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var finite = chart.Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var xTicks = finite.Count == 0 ? AxisTicks.Nice(0, 1) : AxisTicks.Nice(finite.Min(p => p.X), finite.Max(p => p.X), 6);
        var yTicks = finite.Count == 0 ? AxisTicks.Nice(0, 1) : AxisTicks.Nice(finite.Min(p => p.Y), finite.Max(p => p.Y), 5);
        double X(double x) => Left + ((x - xTicks[0]) / (xTicks[^1] - xTicks[0]) * plotWidth);
        double Y(double y) => Top + plotHeight - ((y - yTicks[0]) / (yTicks[^1] - yTicks[0]) * plotHeight);

        var svg = new SvgWriter();
        svg.Text(12, 22, chart.Title, 14, bold: true);
        DrawAxis(svg, xTicks, t => (X(t), Top + plotHeight), vertical: false, Top, Top + plotHeight);
        DrawAxis(svg, yTicks, t => (Left, Y(t)), vertical: true, Left, Left + plotWidth);
        svg.Rect(Left, Top, plotWidth, plotHeight, "none", "#333");
        svg.Text(Left + (plotWidth / 2), Top + plotHeight + 38, chart.XLabel, 11, "middle", fill: "#555");
        svg.Text(16, Top + (plotHeight / 2), chart.YLabel, 11, "middle", rotate: -90, fill: "#555");
        if (finite.Count == 0)
        {
            svg.Text(Left + (plotWidth / 2), Top + (plotHeight / 2), "no data", 12, "middle", fill: "#777");
        }

        for (var i = 0; i < chart.Series.Count; i++)
        {
            DrawSeries(svg, chart.Series[i], Colour(chart.Series[i], i), X, Y);
        }

        var legendX = Left + plotWidth + LegendGap;
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var y = Top + 8 + (i * 18);
            svg.Line(legendX, y, legendX + 18, y, Colour(chart.Series[i], i), 2.5, chart.Series[i].Dashed ? Dash : null);
            svg.Text(legendX + 24, y + 4, chart.Series[i].Name, 11);
        }

        var legendWidth = chart.Series.Select(s => TextWidth(s.Name, 11) + 40).DefaultIfEmpty(0).Max();
        return svg.ToSvg(Left + plotWidth + LegendGap + legendWidth + 8, Top + plotHeight + Bottom, chart.Title);
    }

    private static string Colour(ChartSeries series, int index) => Palette[(series.Hue ?? index) % Palette.Length];

    private static void DrawAxis(SvgWriter svg, double[] ticks, Func<double, (double X, double Y)> at, bool vertical, double gridFrom, double gridTo)
    {
        var step = ticks[1] - ticks[0];
        foreach (var tick in ticks)
        {
            var (x, y) = at(tick);
            var label = AxisTicks.Label(tick, step);
            if (vertical)
            {
                svg.Line(gridFrom, y, gridTo, y, "#e6e6e6");
                svg.Line(x - 4, y, x, y, "#333");
                svg.Text(x - 6, y + 3.5, label, 10, "end");
            }
            else
            {
                svg.Line(x, gridFrom, x, gridTo, "#e6e6e6");
                svg.Line(x, y, x, y + 4, "#333");
                svg.Text(x, y + 16, label, 10, "middle");
            }
        }
    }

    private static void DrawSeries(SvgWriter svg, ChartSeries series, string colour, Func<double, double> x, Func<double, double> y)
    {
        var path = new System.Text.StringBuilder();
        var penDown = false;
        var drawn = new List<(double X, double Y)>();
        foreach (var point in series.Points)
        {
            if (!double.IsFinite(point.X) || !double.IsFinite(point.Y))
            {
                penDown = false;
                continue;
            }

            path.Append(penDown ? " L " : " M ").Append(Num(x(point.X))).Append(' ').Append(Num(y(point.Y)));
            penDown = true;
            drawn.Add(point);
        }

        if (drawn.Count > 1)
        {
            svg.Path(path.ToString().TrimStart(), colour, 2, dash: series.Dashed ? Dash : null);
        }

        if (drawn.Count <= MaxPointsWithMarkers)
        {
            foreach (var point in drawn)
            {
                svg.Circle(x(point.X), y(point.Y), 2.5, colour);
            }
        }
    }
}
