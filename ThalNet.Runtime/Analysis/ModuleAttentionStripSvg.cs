using System.Globalization;
using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Draws <see cref="ModuleAttentionTrace"/>s, one panel per attention reader: one column per read of the traced example
/// (steps left to right, their sub-steps side by side), one row per module slice and a last row for the null slot;
/// colour = weight on a fixed scale from 0 to 1. At each row's end, the mean weight over the analysis data.
/// </summary>
public static class ModuleAttentionStripSvg
{
    private const double Left = 86;
    private const double TitleHeight = 24;
    private const double Bottom = 34;
    private const double PanelGap = 14;
    private const double RowHeight = 14;
    private const double MeanGap = 10;
    private const double MeanWidth = 16;
    private const double LegendWidth = 110;

    /// <summary>An SVG with one panel per attention reader: its weights on every module and on the null slot at every
    /// step and sub-step of one example, and their means over the data.</summary>
    /// <param name="traces">One trace per attention reader.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="colors">The colour scale; viridis when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="traces"/> or <paramref name="title"/> is null.</exception>
    public static string Render(IReadOnlyList<ModuleAttentionTrace> traces, string title, ColorScale? colors = null)
    {
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(title);
        colors ??= ColorScale.Viridis;
        var svg = new SvgWriter();
        svg.Text(12, 22, title, 16, bold: true);
        var y = 32.0;
        var width = TextWidth(title, 16) + 24;
        foreach (var trace in traces)
        {
            var cell = StepAxis.ColumnWidth(trace.Reads.Count);
            svg.BeginGroup(0, y);
            var height = DrawPanel(svg, trace, cell, colors);
            svg.EndGroup();
            y += height + PanelGap;
            width = Math.Max(width, Math.Max(Left + (trace.Reads.Count * cell) + MeanGap + MeanWidth + LegendWidth, TextWidth(PanelTitle(trace), 12) + 24));
        }

        return svg.ToSvg(width, Math.Max(y, 60), title);
    }

    private static double DrawPanel(SvgWriter svg, ModuleAttentionTrace trace, double cell, ColorScale colors)
    {
        var slots = trace.Sources.Count + 1;
        var gridHeight = slots * RowHeight;
        var gridWidth = trace.Reads.Count * cell;
        svg.Text(12, 16, PanelTitle(trace), 12, bold: true);
        svg.BeginGroup(Left, TitleHeight);
        for (var j = 0; j < slots; j++)
        {
            var top = j * RowHeight;
            var name = j < trace.Sources.Count ? trace.Sources[j] : ModuleAttentionTrace.NullSlot;
            svg.Text(-6, top + (RowHeight / 2) + 3, name, 9, "end", bold: name == trace.Module);
            for (var r = 0; r < trace.Reads.Count; r++)
            {
                svg.Rect(r * cell, top, cell + 0.3, RowHeight + 0.3, colors.Map(Math.Clamp(trace.Reads[r][j], 0, 1)));
            }

            var mean = trace.Mean[j];
            svg.Rect(gridWidth + MeanGap, top, MeanWidth, RowHeight + 0.3, colors.Map(Math.Clamp(mean, 0, 1)));
            svg.Text(gridWidth + MeanGap + MeanWidth + 6, top + (RowHeight / 2) + 3, mean.ToString("0%", CultureInfo.InvariantCulture), 9);
        }

        svg.Line(0, trace.Sources.Count * RowHeight, gridWidth, trace.Sources.Count * RowHeight, "#ff3d00");
        svg.Rect(0, 0, gridWidth, gridHeight, "none", "#333");
        svg.Rect(gridWidth + MeanGap, 0, MeanWidth, gridHeight, "none", "#333");
        StepAxis.Draw(svg, trace.Steps, trace.Substeps, cell, gridHeight);
        svg.Text(gridWidth + MeanGap, gridHeight + 14, "mean over the data", 9, fill: "#555");
        svg.Text(gridWidth + MeanGap, gridHeight + 26, "colour: weight, 0 to 1", 9, fill: "#555");
        svg.EndGroup();
        return TitleHeight + gridHeight + Bottom;
    }

    private static string PanelTitle(ModuleAttentionTrace trace)
    {
        var substeps = trace.Substeps > 1 ? $", {trace.Substeps} sub-steps per step" : string.Empty;
        return $"{trace.Module}: attention on each module and on the null slot while reading example {trace.Example} ({trace.Steps} steps{substeps})";
    }
}
