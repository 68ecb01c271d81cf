using System.Text;

namespace ThalNet.Runtime.Analysis;

public enum ColumnAlignment
{
    Left,
    Right,
}

/// <summary>
/// A table of text cells. Renders as a Markdown table whose columns are padded, so it reads as
/// plain text too; <see cref="HtmlReport"/> renders it as HTML.
/// </summary>
public sealed class TextTable
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    public TextTable(params IReadOnlyList<string> headers)
        : this(headers, headers.Select(_ => ColumnAlignment.Left).ToArray())
    {
    }

    public TextTable(IReadOnlyList<string> headers, IReadOnlyList<ColumnAlignment> alignments)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(alignments);
        if (headers.Count == 0 || alignments.Count != headers.Count)
        {
            throw new ArgumentException($"A table needs at least one column and one alignment per column ({headers.Count} headers, {alignments.Count} alignments).", nameof(alignments));
        }

        Headers = headers;
        Alignments = alignments;
    }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<ColumnAlignment> Alignments { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    public TextTable AddRow(params IReadOnlyList<string> cells)
    {
        if (cells.Count != Headers.Count)
        {
            throw new ArgumentException($"The table has {Headers.Count} columns but the row has {cells.Count} cells.", nameof(cells));
        }

        _rows.Add(cells.ToArray());
        return this;
    }

    public string ToMarkdown()
    {
        var header = Headers.Select(Cell).ToArray();
        var body = _rows.Select(r => r.Select(Cell).ToArray()).ToList();
        var widths = new int[header.Length];
        for (var c = 0; c < widths.Length; c++)
        {
            widths[c] = Math.Max(3, Math.Max(header[c].Length, body.Count == 0 ? 0 : body.Max(r => r[c].Length)));
        }

        var text = new StringBuilder();
        AppendRow(text, header, widths);
        text.Append('|');
        for (var c = 0; c < widths.Length; c++)
        {
            text.Append(' ').Append(Alignments[c] == ColumnAlignment.Right ? new string('-', widths[c] - 1) + ":" : new string('-', widths[c])).Append(" |");
        }

        text.Append('\n');
        foreach (var row in body)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = Alignments[c] == ColumnAlignment.Right ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]);
            text.Append(' ').Append(cell).Append(" |");
        }

        text.Append('\n');
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
