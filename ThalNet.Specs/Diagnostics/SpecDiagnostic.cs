namespace ThalNet.Specs;

/// <summary>
/// A problem found in a spec. <see cref="Arguments"/> are the formatted message arguments, so a
/// Roslyn descriptor built from the same <see cref="SpecDiagnosticDescriptor.MessageFormat"/> gives the same text.
/// </summary>
public sealed record SpecDiagnostic(string Id, SpecSeverity Severity, string Message, SourceLocation Location, EquatableArray<string> Arguments)
{
    /// <summary>Whether it is an error (no code is generated for the spec) rather than a warning.</summary>
    public bool IsError => Severity == SpecSeverity.Error;

    /// <summary><c>THAL0002 error file(3,5): message</c>.</summary>
    public override string ToString()
        => $"{Id} {(IsError ? "error" : "warning")} {Location.FilePath}({Location.StartLine},{Location.StartColumn}): {Message}";
}
