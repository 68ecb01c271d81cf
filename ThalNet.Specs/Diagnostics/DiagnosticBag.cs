using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>Collects diagnostics while a spec is read or checked.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<SpecDiagnostic> _items = [];

    public bool HasErrors => _items.Any(d => d.IsError);

    public void Add(SpecDiagnosticDescriptor descriptor, SourceLocation location, params object[] arguments)
        => _items.Add(descriptor.Create(location, arguments));

    /// <summary>THAL0004 at the repeated name, with the line and column of the first in its message.</summary>
    public void AddDuplicate(SourceLocation location, string what, string name, string where, SourceLocation first)
        => Add(SpecDiagnostics.DuplicateName, location, what, name, where, first.StartLine, first.StartColumn);

    public void AddRange(IEnumerable<SpecDiagnostic> diagnostics) => _items.AddRange(diagnostics);

    public EquatableArray<SpecDiagnostic> ToArray() => new(_items);
}
