using System.Globalization;
using ThalNet.Runtime.IO;
using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Several runs (other seeds, options or topologies) in one report: their metrics on the analysis data in one table,
/// their training curves overlaid (one chart per metric, one line per run, split and output), and their
/// connectivity graphs side by side.
/// <code>
/// var runs = seeds.Select(seed => ModelReport.Create(Load(seed), test, new AnalysisOptions { RunName = $"seed {seed}", MetricsPath = $"seed{seed}.jsonl" })).ToList();
/// RunComparison.WriteTo(runs, "comparison");
/// </code>
/// </summary>
public static class RunComparison
{
    /// <summary>The comparison as an HTML report: a metrics table, training curves overlaid, connectivity graphs side
    /// by side.</summary>
    /// <param name="runs">The runs, at least one.</param>
    /// <param name="title">The page title.</param>
    /// <exception cref="ArgumentException">When there is no run.</exception>
    public static HtmlReport ToHtml(IReadOnlyList<ModelReport> runs, string title = "Runs compared")
    {
        Check(runs);
        var report = new HtmlReport(title);
        report.AddHeading("Metrics on the analysis data").AddTable(MetricsTable(runs), "Loss and each output's headline metric, nothing ablated.");
        var curves = Curves(runs);
        if (curves.Count > 0)
        {
            report.AddHeading("Training curves");
            foreach (var (_, svg) in curves)
            {
                report.AddFigure(svg);
            }
        }

        report.AddHeading("Connectivity")
            .AddFiguresSideBySide(runs.Select(r => (ConnectivitySvg.Render(r.Connectivity, r.Name), (string?)$"{r.Name}: edges at or above {Share(r.Connectivity.Threshold)}.")));
        return report;
    }

    /// <summary>Writes <c>comparison.html</c>, <c>curve-METRIC.svg</c> per metric and <c>connectivity-RUN.svg</c> per run into <paramref name="folder"/>; returns the report's path.</summary>
    public static string WriteTo(IReadOnlyList<ModelReport> runs, string folder, string title = "Runs compared")
    {
        ArgumentNullException.ThrowIfNull(folder);
        var html = ToHtml(runs, title);
        Directory.CreateDirectory(folder);
        foreach (var (metric, svg) in Curves(runs))
        {
            AtomicFile.WriteAllText(Path.Combine(folder, $"curve-{metric}.svg"), svg);
        }

        for (var i = 0; i < runs.Count; i++)
        {
            AtomicFile.WriteAllText(Path.Combine(folder, $"connectivity-{i + 1}.svg"), ConnectivitySvg.Render(runs[i].Connectivity, runs[i].Name));
        }

        var path = Path.Combine(folder, "comparison.html");
        html.Save(path);
        return path;
    }

    /// <summary>One chart per metric found in any run's log, every run's series overlaid.</summary>
    public static IReadOnlyList<(string Metric, string Svg)> Curves(IReadOnlyList<ModelReport> runs)
    {
        Check(runs);
        var metrics = TrainingCurves.MetricNames(runs.SelectMany(r => r.Metrics));
        return [.. metrics.Select(m => (m, LineChartSvg.Render(TrainingCurves.Overlay(runs.Select(r => (r.Name, r.Metrics)), m))))];
    }

    private static TextTable MetricsTable(IReadOnlyList<ModelReport> runs)
    {
        var table = new TextTable(["run", "model", "loss", "outputs"], [ColumnAlignment.Left, ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Left]);
        foreach (var run in runs)
        {
            var outputs = string.Join("; ", run.Evaluation.Outputs.Select(o => o.Metric switch
            {
                HeadMetric.BitsPerCharacter => string.Create(CultureInfo.InvariantCulture, $"{o.Name} bpc {o.Bits:F3}"),
                HeadMetric.MeanSquaredError => string.Create(CultureInfo.InvariantCulture, $"{o.Name} mse {o.Loss:F4}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{o.Name} accuracy {o.Accuracy * 100:F2}%"),
            }));
            table.AddRow(run.Name, run.Info.Name, run.Evaluation.Loss.ToString("F4", CultureInfo.InvariantCulture), outputs);
        }

        return table;
    }

    private static void Check(IReadOnlyList<ModelReport> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("There are no runs to compare.", nameof(runs));
        }
    }
}
