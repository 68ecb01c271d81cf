using System.Text;
using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Builds a standalone SVG document. Figures never use element ids, so several of them can be
/// inlined into one HTML page without clashing.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _body = new();

    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double strokeWidth = 1, double radius = 0)
    {
        _body.Append($"<rect x=\"{Num(x)}\" y=\"{Num(y)}\" width=\"{Num(width)}\" height=\"{Num(height)}\" fill=\"{fill}\"");
        if (stroke is not null)
        {
            _body.Append($" stroke=\"{stroke}\" stroke-width=\"{Num(strokeWidth)}\"");
        }

        if (radius > 0)
        {
            _body.Append($" rx=\"{Num(radius)}\"");
        }

        _body.Append("/>\n");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        _body.Append($"<line x1=\"{Num(x1)}\" y1=\"{Num(y1)}\" x2=\"{Num(x2)}\" y2=\"{Num(y2)}\" stroke=\"{stroke}\" stroke-width=\"{Num(width)}\"{Dash(dash)}/>\n");

    public void Path(string data, string stroke, double width = 1, string fill = "none", string? dash = null, double opacity = 1)
    {
        _body.Append($"<path d=\"{data}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{Num(width)}\"{Dash(dash)}");
        if (opacity < 1)
        {
            _body.Append($" opacity=\"{Num(opacity)}\"");
        }

        _body.Append("/>\n");
    }

    public void Polygon(IEnumerable<(double X, double Y)> points, string fill, double opacity = 1)
    {
        var list = string.Join(" ", points.Select(p => $"{Num(p.X)},{Num(p.Y)}"));
        _body.Append($"<polygon points=\"{list}\" fill=\"{fill}\"");
        if (opacity < 1)
        {
            _body.Append($" opacity=\"{Num(opacity)}\"");
        }

        _body.Append("/>\n");
    }

    public void Circle(double cx, double cy, double r, string fill, string? stroke = null, double strokeWidth = 1, string? dash = null)
    {
        _body.Append($"<circle cx=\"{Num(cx)}\" cy=\"{Num(cy)}\" r=\"{Num(r)}\" fill=\"{fill}\"");
        if (stroke is not null)
        {
            _body.Append($" stroke=\"{stroke}\" stroke-width=\"{Num(strokeWidth)}\"{Dash(dash)}");
        }

        _body.Append("/>\n");
    }

    /// <param name="x">Anchor position, pixels from the left.</param>
    /// <param name="y">Baseline position, pixels from the top.</param>
    /// <param name="text">The text, XML-escaped here.</param>
    /// <param name="size">Font size in pixels.</param>
    /// <param name="anchor">start, middle or end.</param>
    /// <param name="bold">Whether the text is bold.</param>
    /// <param name="rotate">Degrees, clockwise, around (x, y).</param>
    /// <param name="fill">The text colour.</param>
    public void Text(double x, double y, string text, double size = 12, string anchor = "start", bool bold = false,
        double rotate = 0, string fill = "#222")
    {
        _body.Append($"<text x=\"{Num(x)}\" y=\"{Num(y)}\" font-size=\"{Num(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"");
        if (bold)
        {
            _body.Append(" font-weight=\"bold\"");
        }

        if (rotate != 0)
        {
            _body.Append($" transform=\"rotate({Num(rotate)} {Num(x)} {Num(y)})\"");
        }

        _body.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    public void BeginGroup(double dx, double dy) =>
        _body.Append($"<g transform=\"translate({Num(dx)} {Num(dy)})\">\n");

    public void BeginGroup(string attributes) => _body.Append("<g ").Append(attributes).Append(">\n");

    public void EndGroup() => _body.Append("</g>\n");

    /// <summary>The whole document, with a white background and a <c>title</c> for accessibility.</summary>
    public string ToSvg(double width, double height, string title)
    {
        var svg = new StringBuilder(_body.Length + 512);
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Num(width)}\" height=\"{Num(height)}\" viewBox=\"0 0 {Num(width)} {Num(height)}\" font-family=\"Helvetica, Arial, sans-serif\">\n");
        svg.Append("<title>").Append(Escape(title)).Append("</title>\n");
        svg.Append($"<rect x=\"0\" y=\"0\" width=\"{Num(width)}\" height=\"{Num(height)}\" fill=\"#fff\"/>\n");
        svg.Append(_body);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Dash(string? dash) => dash is null ? "" : $" stroke-dasharray=\"{dash}\"";
}
