using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ThalNet.Generators.Diagnostics;

/// <summary>Converts between Roslyn's locations and the value-type <see cref="ThalNet.Specs.SourceLocation"/> the pipeline carries.</summary>
internal static class Locations
{
    public static SourceLocation FileStart(string path) => new(path, 1, 1, 1, 1, 0, 0);

    public static SourceLocation Of(SyntaxNode node) => Of(node.SyntaxTree, node.Span);

    public static SourceLocation Of(SyntaxToken token) => Of(token.SyntaxTree!, token.Span);

    public static SourceLocation Of(SyntaxTree tree, TextSpan span)
    {
        var lines = tree.GetLineSpan(span);
        return new SourceLocation(
            tree.FilePath,
            lines.StartLinePosition.Line + 1,
            lines.StartLinePosition.Character + 1,
            lines.EndLinePosition.Line + 1,
            lines.EndLinePosition.Character + 1,
            span.Start,
            span.End);
    }

    /// <summary>Only when reporting: the pipeline never holds a <see cref="Location"/>.</summary>
    public static Location ToLocation(SourceLocation location)
    {
        if (location.IsNone)
        {
            return Location.None;
        }

        var lines = new LinePositionSpan(
            new LinePosition(location.StartLine - 1, location.StartColumn - 1),
            new LinePosition(location.EndLine - 1, location.EndColumn - 1));
        return Location.Create(location.FilePath, TextSpan.FromBounds(location.StartOffset, location.EndOffset), lines);
    }
}
