using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// A model as written, in YAML or as attributes. Optional values are null when absent; required
/// values that were absent or unreadable are null too, and that problem is already a diagnostic.
/// <see cref="SpecValidator"/> resolves defaults and checks the rest.
/// </summary>
/// <param name="Name">The C# class name (<c>model</c>, or the attributed class).</param>
/// <param name="Location">The whole document or class declaration, for model-wide diagnostics.</param>
/// <param name="IsComplete">
/// False when reading reported errors: some written values are then null or left out, so the
/// validator infers no shapes (no center or budget check, no layout) rather than guess.
/// </param>
/// <param name="Active">How many modules update at each sub-step (<c>active: k</c>); null when all of them do.</param>
public sealed record ModelSpec(
    Located<string> Name,
    Located<string>? Namespace,
    Located<EquatableArray<InputSpec>>? Inputs,
    Located<int>? Substeps,
    Located<int>? Center,
    Located<long>? Budget,
    DefaultsSpec Defaults,
    Located<EquatableArray<ModuleSpec>>? Modules,
    SourceLocation Location,
    bool IsComplete,
    Located<int>? Active = null)
{
    public EquatableArray<InputSpec> InputList => Inputs?.Value ?? default;

    public EquatableArray<ModuleSpec> ModuleList => Modules?.Value ?? default;

    /// <summary>The same spec with every location cleared, to compare specs written in different forms.</summary>
    public ModelSpec WithoutLocations() => new(
        Name.WithoutLocations(),
        Namespace?.WithoutLocations(),
        Inputs?.With(Inputs.Value.Value.Select(i => i.WithoutLocations()).ToEquatableArray()).WithoutLocations(),
        Substeps?.WithoutLocations(),
        Center?.WithoutLocations(),
        Budget?.WithoutLocations(),
        Defaults.WithoutLocations(),
        Modules?.With(Modules.Value.Value.Select(m => m.WithoutLocations()).ToEquatableArray()).WithoutLocations(),
        SourceLocation.None,
        IsComplete,
        Active?.WithoutLocations());
}
