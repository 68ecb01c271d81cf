using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Heatmaps of reading weights as in the paper's Figure 4: one row per context element, one column
/// per center element, colour = |w| scaled between two percentiles of the matrix (5th and 95th by
/// default) and clamped. Lines mark the module slices of the center and the slices are labelled
/// with the module names; the reader's own slice is labelled in bold.
/// </summary>
public static class ReadingHeatmap
{
    private const double StackTitleHeight = 32;
    private const double PanelGap = 16;

    /// <summary>One module's reading matrix as a standalone SVG.</summary>
    public static string Render(CenterLayout layout, string module, DenseMatrix weights, HeatmapOptions? options = null)
    {
        var panel = new HeatmapPanel(layout, module, weights, options ?? new HeatmapOptions());
        var svg = new SvgWriter();
        panel.Draw(svg);
        return svg.ToSvg(panel.Width, panel.Height, panel.Title);
    }

    /// <summary>
    /// All given modules' reading matrices in one SVG, stacked in layout order, each with its own
    /// title and colour range.
    /// </summary>
    /// <param name="layout">The center layout, for the module slices marked on every panel.</param>
    /// <param name="weights">Reading matrix per module name; modules of the layout without one are left out.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="options">How the heatmaps look; the defaults when null.</param>
    public static string RenderStacked(CenterLayout layout, IReadOnlyDictionary<string, DenseMatrix> weights, string title, HeatmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var name in weights.Keys)
        {
            layout.IndexOf(name);
        }

        var panels = layout.Modules
            .Where(m => weights.ContainsKey(m.Name))
            .Select(m => new HeatmapPanel(layout, m.Name, weights[m.Name], options ?? new HeatmapOptions()))
            .ToList();
        var svg = new SvgWriter();
        svg.Text(12, 22, title, size: 16, bold: true);
        var y = StackTitleHeight;
        foreach (var panel in panels)
        {
            svg.BeginGroup(0, y);
            panel.Draw(svg);
            svg.EndGroup();
            y += panel.Height + PanelGap;
        }

        var width = Math.Max(TextWidth(title, 16) + 24, panels.Count == 0 ? 200 : panels.Max(p => p.Width));
        return svg.ToSvg(width, y, title);
    }
}
