using Microsoft.CodeAnalysis;

namespace ThalNet.Generators.Tests.Infrastructure;

/// <summary>Roslyn diagnostics in ThalNet.Specs' format, <c>ID severity file(l,c): message</c>, by way of <see cref="SpecDiagnostic"/>.</summary>
internal static class DiagnosticFormat
{
    public static string[] Lines(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(Line).ToArray();

    public static string Line(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var start = span.StartLinePosition;
        var end = span.EndLinePosition;
        var location = new SourceLocation(span.Path ?? "", start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1, diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.End);
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? SpecSeverity.Error : SpecSeverity.Warning;
        return new SpecDiagnostic(diagnostic.Id, severity, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), location, default).ToString();
    }
}
