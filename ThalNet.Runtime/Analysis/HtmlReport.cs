using System.Text;
using System.Xml.Linq;
using ThalNet.Runtime.IO;
using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Gathers a run's figures, tables and text into one self-contained HTML file. The markup is
/// XHTML-compatible (every tag closed, all text escaped, SVG inlined), so it also parses as XML.
/// </summary>
public sealed class HtmlReport
{
    private const string Style = """
        body { font-family: Helvetica, Arial, sans-serif; color: #222; max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #ddd; }
        figure { margin: 1.2em 0; overflow-x: auto; } figcaption { color: #555; font-size: 0.9em; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 3px 10px; } th { background: #f3f3f3; } td.right { text-align: right; font-variant-numeric: tabular-nums; }
        caption { caption-side: bottom; color: #555; padding-top: 4px; }
        .side-by-side { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; } .side-by-side figure { margin: 0; }
        pre { background: #f6f8fa; padding: 8px; overflow-x: auto; font-size: 0.85em; }
        """;

    private readonly StringBuilder _body = new();

    /// <summary>An empty report.</summary>
    /// <param name="title">The page title and first heading.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="title"/> is null.</exception>
    public HtmlReport(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
    }

    /// <summary>The page title.</summary>
    public string Title { get; }

    /// <summary>Appends a section heading (HTML-escaped); returns this report, for chaining.</summary>
    public HtmlReport AddHeading(string text)
    {
        _body.Append("<h2>").Append(Escape(text)).Append("</h2>\n");
        return this;
    }

    /// <summary>Appends a paragraph of plain text (HTML-escaped); returns this report, for chaining.</summary>
    public HtmlReport AddParagraph(string text)
    {
        _body.Append("<p>").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Inlines an SVG document; it must be well-formed XML with an <c>svg</c> root.</summary>
    public HtmlReport AddFigure(string svg, string? caption = null)
    {
        XElement root;
        try
        {
            root = XElement.Parse(svg);
        }
        catch (System.Xml.XmlException e)
        {
            throw new ArgumentException($"The figure is not well-formed SVG: {e.Message}", nameof(svg), e);
        }

        if (root.Name.LocalName != "svg")
        {
            throw new ArgumentException($"The figure's root element is <{root.Name.LocalName}>, not <svg>.", nameof(svg));
        }

        _body.Append("<figure>\n").Append(root.ToString(SaveOptions.DisableFormatting)).Append('\n');
        AppendElement("figcaption", caption);
        _body.Append("</figure>\n");
        return this;
    }

    /// <summary>Several SVG figures in one row (wrapping when the page is narrow), each with its caption, e.g. to compare runs.</summary>
    public HtmlReport AddFiguresSideBySide(IEnumerable<(string Svg, string? Caption)> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        _body.Append("<div class=\"side-by-side\">\n");
        foreach (var (svg, caption) in figures)
        {
            AddFigure(svg, caption);
        }

        _body.Append("</div>\n");
        return this;
    }

    /// <summary>Appends a table with an optional caption; returns this report, for chaining.</summary>
    public HtmlReport AddTable(TextTable table, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        _body.Append("<table>\n");
        AppendElement("caption", caption);
        _body.Append("<thead><tr>");
        foreach (var header in table.Headers)
        {
            _body.Append("<th>").Append(Escape(header)).Append("</th>");
        }

        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            _body.Append("<tr>");
            for (var c = 0; c < row.Count; c++)
            {
                _body.Append(table.Alignments[c] == ColumnAlignment.Right ? "<td class=\"right\">" : "<td>").Append(Escape(row[c])).Append("</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody>\n</table>\n");
        return this;
    }

    /// <summary>Preformatted text, such as Graphviz or Mermaid source; collapsed under <paramref name="summary"/> when one is given.</summary>
    public HtmlReport AddCode(string code, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (summary is not null)
        {
            _body.Append("<details>");
            AppendElement("summary", summary);
        }

        _body.Append("<pre>").Append(Escape(code)).Append("</pre>\n");
        if (summary is not null)
        {
            _body.Append("</details>\n");
        }

        return this;
    }

    /// <summary>The connectivity graph as a figure, its strength matrix as a table, and its DOT and Mermaid sources.</summary>
    public HtmlReport AddConnectivity(ConnectivityGraph graph, string heading = "Connectivity")
    {
        ArgumentNullException.ThrowIfNull(graph);
        return AddHeading(heading)
            .AddFigure(ConnectivitySvg.Render(graph), $"Edges j → i where module i puts at least {Share(graph.Threshold)} of its reading-weight mass on module j's slice of the center.")
            .AddTable(graph.Matrix.ToTable(), "Share of each reader's reading-weight mass (rows) on each source module's slice (columns).")
            .AddCode(ConnectivityExport.ToDot(graph), "Graphviz DOT")
            .AddCode(ConnectivityExport.ToMermaid(graph), "Mermaid");
    }

    /// <summary>One heading, then the stacked heatmap of every module's reading weights.</summary>
    public HtmlReport AddReadingWeights(CenterLayout layout, IReadOnlyDictionary<string, DenseMatrix> weights, string heading = "Reading weights")
    {
        return AddHeading(heading)
            .AddFigure(ReadingHeatmap.RenderStacked(layout, weights, heading),
                "Rows: context elements; columns: center elements, grouped by the module that writes them. Colour: |w| between the 5th and 95th percentiles of each matrix.");
    }

    /// <summary>
    /// Appends a heading and one line chart per metric of the log (loss, accuracy, ...); returns this report, for
    /// chaining.
    /// </summary>
    public HtmlReport AddTrainingCurves(IReadOnlyList<MetricsRecord> records, string heading = "Training curves")
    {
        AddHeading(heading);
        foreach (var (_, svg) in TrainingCurves.RenderAll(records))
        {
            AddFigure(svg);
        }

        return this;
    }

    /// <summary>
    /// Appends a heading, the ablation table and its bar chart; <paramref name="higherIsBetter"/> is false for losses
    /// such as bits per character. Returns this report, for chaining.
    /// </summary>
    public HtmlReport AddAblation(IReadOnlyList<AblationResult> results, string metric = "accuracy", bool higherIsBetter = true, string heading = "Module ablation")
    {
        return AddHeading(heading)
            .AddTable(AblationReport.ToTable(results, metric, higherIsBetter), $"{metric} with each module's center slice zeroed.")
            .AddFigure(AblationReport.RenderSvg(results, metric, higherIsBetter));
    }

    /// <summary>The whole report as one self-contained HTML page (styles and SVG figures inline).</summary>
    public string ToHtml()
    {
        var html = new StringBuilder(_body.Length + 2048);
        html.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        html.Append("<title>").Append(Escape(Title)).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Escape(Title)).Append("</h1>\n");
        html.Append(_body);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the report atomically (see <see cref="AtomicFile"/>).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToHtml());

    private void AppendElement(string name, string? text)
    {
        if (text is not null)
        {
            _body.Append('<').Append(name).Append('>').Append(Escape(text)).Append("</").Append(name).Append(">\n");
        }
    }
}
