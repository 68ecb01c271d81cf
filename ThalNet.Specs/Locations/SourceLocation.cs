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

    public string FilePath => _filePath ?? "";

    public int StartLine { get; }

    public int StartColumn { get; }

    public int EndLine { get; }

    public int EndColumn { get; }

    public int StartOffset { get; }

    public int EndOffset { get; }

    public bool IsNone => this == None;

    public int Length => EndOffset - StartOffset;

    /// <summary>A sub-span of a single-line location, by character index and length within it.</summary>
    public SourceLocation Slice(int index, int length)
        => StartLine != EndLine || index < 0 || index + length > Length
            ? this
            : new SourceLocation(FilePath, StartLine, StartColumn + index, StartLine, StartColumn + index + length, StartOffset + index, StartOffset + index + length);

    /// <summary>The empty span at the start of this one.</summary>
    public SourceLocation Start => new(FilePath, StartLine, StartColumn, StartLine, StartColumn, StartOffset, StartOffset);

    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})-({3},{4})", FilePath, StartLine, StartColumn, EndLine, EndColumn);
}
