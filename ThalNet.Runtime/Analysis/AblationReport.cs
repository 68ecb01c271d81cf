using System.Globalization;
using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>Presents module ablations: a table and a bar chart of how much each ablation hurts.</summary>
public static class AblationReport
{
    /// <summary>
    /// A table of the ablations: module, baseline and ablated metric, drop and relative drop (n/a where the baseline is
    /// 0).
    /// </summary>
    /// <param name="results">One result per ablated module, in the order the rows should have.</param>
    /// <param name="metric">The metric's name for the column headers (<c>accuracy</c>, <c>bpc</c>).</param>
    /// <param name="higherIsBetter">True for accuracy, false for losses such as bits per character.</param>
    public static TextTable ToTable(IReadOnlyList<AblationResult> results, string metric = "accuracy", bool higherIsBetter = true)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new TextTable(
            ["module", $"baseline {metric}", $"ablated {metric}", "drop", "relative drop"],
            [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right]);
        foreach (var result in results)
        {
            var drop = result.Drop(higherIsBetter);
            var relative = result.Baseline == 0 ? "n/a" : (drop / Math.Abs(result.Baseline)).ToString("0.0%", CultureInfo.InvariantCulture);
            table.AddRow(result.Module, Fixed(result.Baseline), Fixed(result.Ablated), Fixed(drop), relative);
        }

        return table;
    }

    /// <summary>The table of <see cref="ToTable"/> as Markdown.</summary>
    /// <param name="results">One result per ablated module.</param>
    /// <param name="metric">The metric's name for the column headers.</param>
    /// <param name="higherIsBetter">True for accuracy, false for losses such as bits per character.</param>
    public static string ToMarkdown(IReadOnlyList<AblationResult> results, string metric = "accuracy", bool higherIsBetter = true) =>
        ToTable(results, metric, higherIsBetter).ToMarkdown();

    /// <summary>Horizontal bars of the drop per module: red where ablation hurts, green where it helps.</summary>
    public static string RenderSvg(IReadOnlyList<AblationResult> results, string metric = "accuracy", bool higherIsBetter = true, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        title ??= $"Drop in {metric} when one module's center slice is zeroed";
        const double BarHeight = 22;
        const double BarGap = 8;
        const double Top = 44;
        const double PlotWidth = 420;
        var left = 24 + results.Select(r => TextWidth(r.Module, 11)).DefaultIfEmpty(40).Max();
        var drops = results.Select(r => r.Drop(higherIsBetter)).Where(double.IsFinite).ToList();
        var ticks = AxisTicks.Nice(Math.Min(0, drops.DefaultIfEmpty(0).Min()), Math.Max(0, drops.DefaultIfEmpty(0).Max()), 5);
        var (low, high) = (ticks[0], ticks[^1]);
        double X(double value) => left + ((value - low) / (high - low) * PlotWidth);
        var plotHeight = Math.Max(1, results.Count) * (BarHeight + BarGap);
        var width = left + PlotWidth + 70;
        var height = Top + plotHeight + 48;

        var svg = new SvgWriter();
        svg.Text(12, 22, title, 14, bold: true);
        var step = ticks.Length > 1 ? ticks[1] - ticks[0] : 1;
        foreach (var tick in ticks)
        {
            svg.Line(X(tick), Top - 4, X(tick), Top + plotHeight, tick == 0 ? "#333" : "#e0e0e0", tick == 0 ? 1.2 : 1);
            svg.Text(X(tick), Top + plotHeight + 14, AxisTicks.Label(tick, step), 10, "middle");
        }

        for (var i = 0; i < results.Count; i++)
        {
            var drop = results[i].Drop(higherIsBetter);
            var y = Top + (i * (BarHeight + BarGap)) + (BarGap / 2);
            svg.Text(left - 8, y + (BarHeight / 2) + 4, results[i].Module, 11, "end");
            if (!double.IsFinite(drop))
            {
                svg.Text(X(0) + 4, y + (BarHeight / 2) + 4, "n/a", 10, fill: "#777");
                continue;
            }

            var (from, to) = (Math.Min(X(0), X(drop)), Math.Max(X(0), X(drop)));
            svg.Rect(from, y, Math.Max(to - from, 0.5), BarHeight, drop > 0 ? "#c62828" : "#2e7d32");
            svg.Text(drop >= 0 ? to + 4 : from - 4, y + (BarHeight / 2) + 4, Fixed(drop), 10, drop >= 0 ? "start" : "end");
        }

        var axis = higherIsBetter ? $"baseline − ablated {metric}" : $"ablated − baseline {metric}";
        svg.Text(left + (PlotWidth / 2), Top + plotHeight + 34, axis, 11, "middle", fill: "#555");
        return svg.ToSvg(width, height, title);
    }

    private static string Fixed(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
}
