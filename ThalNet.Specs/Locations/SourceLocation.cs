using System.Globalization;

namespace ThalNet.Specs;

/// <summary>
/// A span in a source file. Lines and columns are 1-based like YamlDotNet's <c>Mark</c>; the end
/// is exclusive (the position just after the last character). Offsets count characters from the
/// start of the text. For Roslyn: <c>TextSpan(StartOffset, EndOffset - StartOffset)</c> and
/// <c>LinePosition(StartLine - 1, StartColumn - 1)</c>.
/// </summary>
public readonly record struct SourceLocation
{
    private readonly string? _filePath;

    /// <summary>A span of <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file; empty for text that has none.</param>
    /// <param name="startLine">1-based line of the first character.</param>
    /// <param name="startColumn">1-based column of the first character.</param>
    /// <param name="endLine">1-based line just after the span.</param>
    /// <param name="endColumn">1-based column just after the last character (exclusive).</param>
    /// <param name="startOffset">0-based character offset of the first character.</param>
    /// <param name="endOffset">0-based character offset just after the last character.</param>
    public SourceLocation(string filePath, int startLine, int startColumn, int endLine, int endColumn, int startOffset, int endOffset)
    {
        _filePath = string.IsNullOrEmpty(filePath) ? null : filePath;
        StartLine = startLine;
        StartColumn = startColumn;
        EndLine = endLine;
        EndColumn = endColumn;
        StartOffset = startOffset;
        EndOffset = endOffset;
    }

    /// <summary>No location: for values that were not written anywhere (defaults, stripped specs).</summary>
    public static SourceLocation None => default;

    /// <summary>The file the span is in; empty when it has none.</summary>
    public string FilePath => _filePath ?? "";

    /// <summary>1-based line of the first character.</summary>
    public int StartLine { get; }

    /// <summary>1-based column of the first character.</summary>
    public int StartColumn { get; }

    /// <summary>1-based line of the end (exclusive position).</summary>
    public int EndLine { get; }

    /// <summary>1-based column just after the last character.</summary>
    public int EndColumn { get; }

    /// <summary>0-based character offset of the first character in the text.</summary>
    public int StartOffset { get; }

    /// <summary>0-based character offset just after the last character.</summary>
    public int EndOffset { get; }

    /// <summary>Whether this is <see cref="None"/> (a value that was not written anywhere).</summary>
    public bool IsNone => this == None;

    /// <summary>The number of characters spanned.</summary>
    public int Length => EndOffset - StartOffset;

    /// <summary>A sub-span of a single-line location, by character index and length within it.</summary>
    public SourceLocation Slice(int index, int length)
        => StartLine != EndLine || index < 0 || index + length > Length
            ? this
            : new SourceLocation(FilePath, StartLine, StartColumn + index, StartLine, StartColumn + index + length, StartOffset + index, StartOffset + index + length);

    /// <summary>The empty span at the start of this one.</summary>
    public SourceLocation Start => new(FilePath, StartLine, StartColumn, StartLine, StartColumn, StartOffset, StartOffset);

    /// <c>file(line,column)-(line,column)</c>, for messages and debugging.
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})-({3},{4})", FilePath, StartLine, StartColumn, EndLine, EndColumn);
}
