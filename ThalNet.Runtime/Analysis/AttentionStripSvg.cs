using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Draws <see cref="AttentionTrace"/>s as heatmap strips, one panel per fast reader: one column per read (steps left
/// to right, their sub-steps side by side), one row per center element, grouped by the module that writes it; colour
/// = attention between 0 and the panel's largest value.
/// </summary>
public static class AttentionStripSvg
{
    private const double Left = 86;
    private const double TitleHeight = 24;
    private const double Bottom = 30;
    private const double PanelGap = 14;
    private const double CellHeight = 2;
    private const double LegendWidth = 90;

    /// <summary>An SVG with one panel per fast reader: its attention on one example at every step and sub-step, left to
    /// right, with the center's module slices marked.</summary>
    /// <param name="layout">The center layout, for the module slices.</param>
    /// <param name="traces">One trace per fast reader.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="colors">The colour scale; viridis when null.</param>
    public static string Render(CenterLayout layout, IReadOnlyList<AttentionTrace> traces, string title, ColorScale? colors = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(traces);
        colors ??= ColorScale.Viridis;
        var svg = new SvgWriter();
        svg.Text(12, 22, title, 16, bold: true);
        var y = 32.0;
        var width = TextWidth(title, 16) + 24;
        foreach (var trace in traces)
        {
            var cell = StepAxis.ColumnWidth(trace.Reads.Count);
            svg.BeginGroup(0, y);
            var height = DrawPanel(svg, layout, trace, cell, colors);
            svg.EndGroup();
            y += height + PanelGap;
            width = Math.Max(width, Left + (trace.Reads.Count * cell) + LegendWidth);
        }

        return svg.ToSvg(width, Math.Max(y, 60), title);
    }

    private static double DrawPanel(SvgWriter svg, CenterLayout layout, AttentionTrace trace, double cell, ColorScale colors)
    {
        var gridHeight = layout.Size * CellHeight;
        var gridWidth = trace.Reads.Count * cell;
        var substeps = trace.Substeps > 1 ? $", {trace.Substeps} sub-steps per step" : string.Empty;
        svg.Text(12, 16, $"{trace.Module}: attention over the center while reading example {trace.Example} ({trace.Steps} steps{substeps})", 12, bold: true);
        var max = trace.Reads.SelectMany(r => r).DefaultIfEmpty(0f).Max();
        var scale = new MagnitudeScale(0, max > 0 ? max : 1);
        svg.BeginGroup(Left, TitleHeight);
        for (var r = 0; r < trace.Reads.Count; r++)
        {
            var read = trace.Reads[r];
            for (var c = 0; c < read.Length; c++)
            {
                svg.Rect(r * cell, c * CellHeight, cell + 0.3, CellHeight + 0.3, colors.Map(scale.Normalize(read[c])));
            }
        }

        foreach (var module in layout.Modules)
        {
            var top = module.Offset * CellHeight;
            svg.Line(-4, top, gridWidth, top, "#ff3d00", module.Offset == 0 ? 0 : 1);
            svg.Text(-6, top + (module.Size * CellHeight / 2) + 3, module.Name, 9, "end", bold: module.Name == trace.Module);
        }

        svg.Rect(0, 0, gridWidth, gridHeight, "none", "#333");
        StepAxis.Draw(svg, trace.Steps, trace.Substeps, cell, gridHeight);
        svg.Text(gridWidth + 10, 10, "attention", 9);
        svg.Text(gridWidth + 10, 22, $"max {Value(max)}", 9, fill: "#555");
        svg.EndGroup();
        return TitleHeight + gridHeight + Bottom;
    }
}
