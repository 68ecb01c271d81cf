namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Loss and metric curves against the training step from a metrics log: one panel per metric kind (loss, accuracy,
/// bpc, mse, ...), one hue per output with the train split solid and the test split dashed, and throughput
/// (<c>samples_per_second</c>) in a panel of its own. The loss panel leaves out regression outputs, whose loss is
/// their mean squared error and has the <c>mse</c> panel, so that losses of different kinds never share an axis.
/// </summary>
public static class TrainingCurves
{
    /// <summary>The key of training throughput in metrics logs, drawn in its own panel.</summary>
    public const string Throughput = "samples_per_second";

    /// <summary>The numeric fields that can be plotted (all except <c>epoch</c> and <c>rmse</c>, the root of <c>mse</c>), in order of first appearance.</summary>
    public static IReadOnlyList<string> MetricNames(IEnumerable<MetricsRecord> records) =>
        records.SelectMany(r => r.Values.Keys).Where(k => k is not ("epoch" or "rmse")).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// One series per split (in order of first appearance) of <paramref name="metric"/> against the step; per split
    /// and output (<c>train digit</c>, <c>test digit</c>) when the log holds several outputs, each output in its own
    /// hue and the test split dashed. <paramref name="run"/> prefixes every series name, to overlay several runs in one chart.
    /// </summary>
    public static LineChart Chart(IEnumerable<MetricsRecord> records, string metric, string? run = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records as IReadOnlyList<MetricsRecord> ?? [.. records];
        return new LineChart(Title(metric), "step", metric == Throughput ? "samples per second" : metric, [.. Series(list, metric, run, hueOffset: 0)]);
    }

    /// <summary>The same metric of several runs overlaid in one chart, series named <c>RUN split [output]</c>, each run's outputs in their own hues.</summary>
    public static LineChart Overlay(IEnumerable<(string Run, IReadOnlyList<MetricsRecord> Records)> runs, string metric)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = new List<ChartSeries>();
        foreach (var (run, records) in runs)
        {
            series.AddRange(Series(records, metric, run, hueOffset: series.Select(s => s.Hue ?? 0).DefaultIfEmpty(-1).Max() + 1));
        }

        return new LineChart(Title(metric), "step", metric == Throughput ? "samples per second" : metric, series);
    }

    /// <summary>One metric's curves as an SVG line chart: one line per split (and per output when the log names
    /// several).</summary>
    /// <param name="records">The log's records.</param>
    /// <param name="metric">The field to draw (<c>loss</c>, <c>accuracy</c>, <c>bpc</c>).</param>
    public static string RenderSvg(IEnumerable<MetricsRecord> records, string metric) => LineChartSvg.Render(Chart(records, metric));

    /// <summary>One chart per metric kind in the log that has a line (no loss panel for a model of regression heads only), throughput last.</summary>
    public static IReadOnlyList<(string Metric, string Svg)> RenderAll(IReadOnlyList<MetricsRecord> records) =>
        MetricNames(records).OrderBy(m => m == Throughput).Select(m => (Metric: m, Chart: Chart(records, m))).Where(c => c.Chart.Series.Count > 0)
            .Select(c => (c.Metric, LineChartSvg.Render(c.Chart))).ToList();

    private static string Title(string metric) => metric == Throughput ? "throughput vs step" : $"{metric} vs step";

    private static IEnumerable<ChartSeries> Series(IReadOnlyList<MetricsRecord> records, string metric, string? run, int hueOffset)
    {
        var outputs = records.Select(r => r.Output).Distinct(StringComparer.Ordinal).ToList();
        var perOutput = outputs.Count > 1;

        // Throughput is one number per train event, repeated on each output's line: one series per split.
        var byOutput = perOutput && metric != Throughput;
        return records
            .Where(r => r.Values.ContainsKey(metric) && !(metric == "loss" && r.Values.ContainsKey("mse")))
            .GroupBy(r => (r.Split, Output: byOutput ? r.Output : null))
            .Select(g => new ChartSeries(
                Name(run, byOutput ? $"{g.Key.Split} {g.Key.Output}" : g.Key.Split),
                g.DistinctBy(r => byOutput || metric != Throughput ? (object)r : r.Step).OrderBy(r => r.Step).Select(r => ((double)r.Step, r.Values[metric])).ToList())
            {
                Hue = hueOffset + (byOutput ? outputs.IndexOf(g.Key.Output) : 0),
                Dashed = g.Key.Split != MetricsLog.DefaultSplit,
            });
    }

    private static string Name(string? run, string key) => run is null ? key : $"{run} {key}";
}
