using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// A model as written, in YAML or as attributes. Optional values are null when absent; required
/// values that were absent or unreadable are null too, and that problem is already a diagnostic.
/// <see cref="SpecValidator"/> resolves defaults and checks the rest.
/// </summary>
/// <param name="Name">The C# class name (<c>model</c>, or the attributed class).</param>
/// <param name="Namespace">The <c>namespace:</c> key; null when absent (the project's root namespace is used).</param>
/// <param name="Inputs">The task inputs; null when the block is absent or unreadable.</param>
/// <param name="Substeps">The <c>substeps:</c> key; null when absent (<see cref="SpecDefaults.Substeps"/>).</param>
/// <param name="Center">The <c>center:</c> key; null when absent (the center is inferred from the modules).</param>
/// <param name="Budget">The <c>budget:</c> key (a parameter count); null when absent.</param>
/// <param name="Defaults">The <c>defaults:</c> block; <see cref="DefaultsSpec.None"/> when absent.</param>
/// <param name="Modules">The modules in the order written (the center's order); null when the block is absent or
/// unreadable.</param>
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
    /// <summary>The inputs, or an empty array when the block was absent or unreadable.</summary>
    public EquatableArray<InputSpec> InputList => Inputs?.Value ?? default;

    /// <summary>The modules, or an empty array when the block was absent or unreadable.</summary>
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
