using System.Globalization;
using System.Net;
using System.Text;

namespace ThalNet.Examples.DesignStudy;

/// <summary>The few SVG elements the study's figures draw, with invariant-culture numbers.</summary>
internal sealed class SvgCanvas(double width, double height)
{
    private readonly StringBuilder _body = new();

    public static IReadOnlyList<string> Palette { get; } = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        _body.Append(F($"<line x1=\"{x1:0.##}\" y1=\"{y1:0.##}\" x2=\"{x2:0.##}\" y2=\"{y2:0.##}\" stroke=\"{stroke}\" stroke-width=\"{width:0.##}\"")).Append(dash is null ? "" : $" stroke-dasharray=\"{dash}\"").Append("/>\n");

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 2, string? dash = null) =>
        _body.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append(F($"\" stroke-width=\"{width:0.##}\"")).Append(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")
            .Append(" points=\"").Append(Points(points)).Append("\"/>\n");

    public void Polygon(IEnumerable<(double X, double Y)> points, string fill, double opacity) =>
        _body.Append("<polygon fill=\"").Append(fill).Append(F($"\" fill-opacity=\"{opacity:0.##}\" points=\"")).Append(Points(points)).Append("\"/>\n");

    public void Circle(double cx, double cy, double r, string fill, double opacity = 1) =>
        _body.Append(F($"<circle cx=\"{cx:0.##}\" cy=\"{cy:0.##}\" r=\"{r:0.##}\" fill=\"{fill}\" fill-opacity=\"{opacity:0.##}\"/>\n"));

    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null) =>
        _body.Append(F($"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{width:0.##}\" height=\"{height:0.##}\" fill=\"{fill}\"")).Append(stroke is null ? "" : $" stroke=\"{stroke}\"").Append("/>\n");

    public void Text(double x, double y, string text, double size = 12, string anchor = "start", bool bold = false, double rotate = 0)
    {
        var transform = rotate == 0 ? "" : F($" transform=\"rotate({rotate:0.##} {x:0.##} {y:0.##})\"");
        _body.Append(F($"<text x=\"{x:0.##}\" y=\"{y:0.##}\" font-family=\"sans-serif\" font-size=\"{size:0.##}\" text-anchor=\"{anchor}\""))
            .Append(bold ? " font-weight=\"bold\"" : "").Append(transform).Append('>').Append(WebUtility.HtmlEncode(text)).Append("</text>\n");
    }

    public string ToSvg(string title) =>
        F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0.##}\" height=\"{height:0.##}\" viewBox=\"0 0 {width:0.##} {height:0.##}\">\n") +
        $"<title>{WebUtility.HtmlEncode(title)}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n{_body}</svg>\n";

    private static string Points(IEnumerable<(double X, double Y)> points) => string.Join(" ", points.Select(p => F($"{p.X:0.##},{p.Y:0.##}")));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
