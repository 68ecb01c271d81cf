using System.Globalization;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>One kind of spec problem; <see cref="MessageFormat"/> takes <c>{0}</c>-style arguments.</summary>
public sealed record SpecDiagnosticDescriptor(string Id, string Title, string MessageFormat, SpecSeverity Severity)
{
    public const string Category = "ThalNet.Spec";

    public SpecDiagnostic Create(SourceLocation location, params object[] arguments)
    {
        var texts = arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToArray();
        var message = string.Format(CultureInfo.InvariantCulture, MessageFormat, texts);
        return new SpecDiagnostic(Id, Severity, message, location, new EquatableArray<string>(texts));
    }
}
