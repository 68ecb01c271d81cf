namespace ThalNet.Runtime.Analysis;

/// <summary>Loss and metric curves against the training step, one series per split, from a metrics log.</summary>
public static class TrainingCurves
{
    /// <summary>The numeric fields that can be plotted (all except <c>epoch</c>), in order of first appearance.</summary>
    public static IReadOnlyList<string> MetricNames(IEnumerable<MetricsRecord> records) =>
        records.SelectMany(r => r.Values.Keys).Where(k => k != "epoch").Distinct(StringComparer.Ordinal).ToList();

    /// <summary>One series per split (in order of first appearance) of <paramref name="metric"/> against the step.</summary>
    public static LineChart Chart(IEnumerable<MetricsRecord> records, string metric)
    {
        ArgumentNullException.ThrowIfNull(records);
        var series = records
            .Where(r => r.Values.ContainsKey(metric))
            .GroupBy(r => r.Split, StringComparer.Ordinal)
            .Select(g => new ChartSeries(g.Key, g.OrderBy(r => r.Step).Select(r => ((double)r.Step, r.Values[metric])).ToList()))
            .ToList();
        return new LineChart($"{metric} vs step", "step", metric, series);
    }

    public static string RenderSvg(IEnumerable<MetricsRecord> records, string metric) => LineChartSvg.Render(Chart(records, metric));

    /// <summary>One chart per metric in the log.</summary>
    public static IReadOnlyList<(string Metric, string Svg)> RenderAll(IReadOnlyList<MetricsRecord> records) =>
        MetricNames(records).Select(m => (m, RenderSvg(records, m))).ToList();
}
