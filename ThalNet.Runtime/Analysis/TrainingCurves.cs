namespace ThalNet.Runtime.Analysis;

/// <summary>Loss and metric curves against the training step, one series per split, from a metrics log.</summary>
public static class TrainingCurves
{
    /// <summary>The numeric fields that can be plotted (all except <c>epoch</c>), in order of first appearance.</summary>
    public static IReadOnlyList<string> MetricNames(IEnumerable<MetricsRecord> records) =>
        records.SelectMany(r => r.Values.Keys).Where(k => k != "epoch").Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// One series per split (in order of first appearance) of <paramref name="metric"/> against the step; per split
    /// and output (<c>train digit</c>, <c>train parity</c>) when the log holds several outputs. <paramref name="run"/>
    /// prefixes every series name, to overlay several runs in one chart.
    /// </summary>
    public static LineChart Chart(IEnumerable<MetricsRecord> records, string metric, string? run = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records as IReadOnlyList<MetricsRecord> ?? [.. records];
        return new LineChart($"{metric} vs step", "step", metric, [.. Series(list, metric, run)]);
    }

    /// <summary>The same metric of several runs overlaid in one chart, series named <c>RUN split [output]</c>.</summary>
    public static LineChart Overlay(IEnumerable<(string Run, IReadOnlyList<MetricsRecord> Records)> runs, string metric)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new LineChart($"{metric} vs step", "step", metric, [.. runs.SelectMany(r => Series(r.Records, metric, r.Run))]);
    }

    private static IEnumerable<ChartSeries> Series(IReadOnlyList<MetricsRecord> records, string metric, string? run)
    {
        var perOutput = records.Select(r => r.Output).Distinct(StringComparer.Ordinal).Count() > 1;
        return records
            .Where(r => r.Values.ContainsKey(metric))
            .GroupBy(r => perOutput ? $"{r.Split} {r.Output}" : r.Split, StringComparer.Ordinal)
            .Select(g => new ChartSeries(run is null ? g.Key : $"{run} {g.Key}", g.OrderBy(r => r.Step).Select(r => ((double)r.Step, r.Values[metric])).ToList()));
    }

    /// <summary>One metric's curves as an SVG line chart: one line per split (and per output when the log names
    /// several).</summary>
    /// <param name="records">The log's records.</param>
    /// <param name="metric">The field to draw (<c>loss</c>, <c>accuracy</c>, <c>bpc</c>).</param>
    public static string RenderSvg(IEnumerable<MetricsRecord> records, string metric) => LineChartSvg.Render(Chart(records, metric));

    /// <summary>One chart per metric in the log.</summary>
    public static IReadOnlyList<(string Metric, string Svg)> RenderAll(IReadOnlyList<MetricsRecord> records) =>
        MetricNames(records).Select(m => (m, RenderSvg(records, m))).ToList();
}
