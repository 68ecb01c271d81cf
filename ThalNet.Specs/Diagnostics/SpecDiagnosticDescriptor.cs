using System.Globalization;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>One kind of spec problem; <see cref="MessageFormat"/> takes <c>{0}</c>-style arguments.</summary>
public sealed record SpecDiagnosticDescriptor(string Id, string Title, string MessageFormat, SpecSeverity Severity)
{
    /// <summary>The category of every spec diagnostic, as Roslyn reports it.</summary>
    public const string Category = "ThalNet.Spec";

    /// <summary>A diagnostic of this kind at <paramref name="location"/>.</summary>
    /// <param name="location">Where it is reported.</param>
    /// <param name="arguments">The values for the message format's placeholders, in order.</param>
    public SpecDiagnostic Create(SourceLocation location, params object[] arguments)
    {
        var texts = arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToArray();
        var message = string.Format(CultureInfo.InvariantCulture, MessageFormat, texts);
        return new SpecDiagnostic(Id, Severity, message, location, new EquatableArray<string>(texts));
    }
}
