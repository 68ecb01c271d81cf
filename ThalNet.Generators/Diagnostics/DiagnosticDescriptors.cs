using Microsoft.CodeAnalysis;

namespace ThalNet.Generators.Diagnostics;

/// <summary>
/// The Roslyn face of the one diagnostic catalog, <see cref="SpecDiagnostics"/>: one descriptor per entry with
/// the same id, title, message format and severity, so a reported message equals the spec diagnostic's.
/// </summary>
internal static class DiagnosticDescriptors
{
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById =
        SpecDiagnostics.All.ToImmutableDictionary(d => d.Id, Create);

    public static DiagnosticDescriptor For(string id) => ById[id];

    public static Diagnostic ToDiagnostic(SpecDiagnostic diagnostic)
        => Diagnostic.Create(For(diagnostic.Id), Locations.ToLocation(diagnostic.Location), diagnostic.Arguments.Cast<object>().ToArray());

    private static DiagnosticDescriptor Create(SpecDiagnosticDescriptor descriptor) => new(
        descriptor.Id,
        descriptor.Title,
        descriptor.MessageFormat,
        SpecDiagnosticDescriptor.Category,
        descriptor.Severity == SpecSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        isEnabledByDefault: true);
}
