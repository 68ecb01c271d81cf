using System.Text;

namespace ThalNet.Runtime.Analysis;

/// <summary>How a table column's cells are aligned.</summary>
public enum ColumnAlignment
{
    /// <summary>Padded on the right (text).</summary>
    Left,
    /// <summary>Padded on the left (numbers).</summary>
    Right,
}

/// <summary>
/// A table of text cells. Renders as a Markdown table whose columns are padded, so it reads as
/// plain text too; <see cref="HtmlReport"/> renders it as HTML.
/// </summary>
public sealed class TextTable
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    /// <summary>An empty table with left-aligned columns.</summary>
    /// <param name="headers">The column headers, at least one.</param>
    /// <exception cref="ArgumentException">When there is no header.</exception>
    public TextTable(params IReadOnlyList<string> headers)
        : this(headers, headers.Select(_ => ColumnAlignment.Left).ToArray())
    {
    }

    /// <summary>An empty table.</summary>
    /// <param name="headers">The column headers, at least one.</param>
    /// <param name="alignments">One alignment per column.</param>
    /// <exception cref="ArgumentException">When there is no header or the counts differ.</exception>
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

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>One alignment per column.</summary>
    public IReadOnlyList<ColumnAlignment> Alignments { get; }

    /// <summary>The rows added so far, each with one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>Appends a row; returns this table, for chaining.</summary>
    /// <exception cref="ArgumentException">When the cell count differs from the column count.</exception>
    public TextTable AddRow(params IReadOnlyList<string> cells)
    {
        if (cells.Count != Headers.Count)
        {
            throw new ArgumentException($"The table has {Headers.Count} columns but the row has {cells.Count} cells.", nameof(cells));
        }

        _rows.Add(cells.ToArray());
        return this;
    }

    /// <summary>
    /// The table in Markdown with padded columns (pipes in cells escaped), readable as plain text too.
    /// </summary>
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
