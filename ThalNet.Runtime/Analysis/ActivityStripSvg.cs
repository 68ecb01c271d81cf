using System.Globalization;
using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Draws an <see cref="ActivityTrace"/> as a strip like the fast readers' attention strip: one column per sub-step
/// (steps left to right, their sub-steps side by side), one row per module; a filled cell where the module updated on
/// the traced example, and each module's share of active sub-steps over the data at the row's end.
/// </summary>
public static class ActivityStripSvg
{
    private const double Left = 86;
    private const double Top = 36;
    private const double RowHeight = 16;
    private const double ShareWidth = 110;

    /// <summary>An SVG of which modules were active at every step and sub-step of the traced example, with their shares over the data.</summary>
    /// <param name="trace">The trace to draw.</param>
    /// <param name="title">The figure's title.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trace"/> or <paramref name="title"/> is null.</exception>
    public static string Render(ActivityTrace trace, string title)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(title);
        var svg = new SvgWriter();
        svg.Text(12, 22, title, 16, bold: true);
        var cell = StepAxis.ColumnWidth(trace.Reads.Count);
        var gridWidth = trace.Reads.Count * cell;
        var gridHeight = trace.Modules.Count * RowHeight;
        svg.BeginGroup(Left, Top);
        for (var m = 0; m < trace.Modules.Count; m++)
        {
            var y = m * RowHeight;
            svg.Text(-6, y + (RowHeight / 2) + 3, trace.Modules[m], 9, "end");
            for (var r = 0; r < trace.Reads.Count; r++)
            {
                svg.Rect(r * cell, y, cell + 0.3, RowHeight - 1, trace.Reads[r][m] > 0.5f ? "#1f6fb4" : "#eeeeee");
            }

            var share = trace.Shares[m].ToString("P0", CultureInfo.InvariantCulture);
            svg.Text(gridWidth + 8, y + (RowHeight / 2) + 3, $"active {share}", 9);
        }

        svg.Rect(0, 0, gridWidth, gridHeight, "none", "#333");
        StepAxis.Draw(svg, trace.Steps, trace.Substeps, cell, gridHeight, $"step (example {trace.Example}; blue: updated; share: over the analysis data)");
        svg.EndGroup();
        return svg.ToSvg(Math.Max(Left + gridWidth + ShareWidth, TextWidth(title, 16) + 24), Top + gridHeight + 40, title);
    }
}
