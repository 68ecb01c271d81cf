using System.Linq;

namespace ThalNet.Specs;

/// <summary>A module as written; null values fall back to the defaults block, then <see cref="SpecDefaults"/>.</summary>
/// <param name="Name">Both locations point at the name as written (YAML key or first attribute argument).</param>
/// <param name="Role">Its role; null when not written (an error: every module needs one).</param>
/// <param name="Inputs">Names of declared inputs this module reads (input modules only).</param>
/// <param name="Outputs">Task outputs (output modules only).</param>
/// <param name="Reading">Its reading mechanism; null falls back to the defaults.</param>
/// <param name="Context">Its context size; null falls back to the defaults.</param>
/// <param name="Layers">Its layer stack; null falls back to the defaults.</param>
public sealed record ModuleSpec(
    Located<string> Name,
    Located<ModuleRole>? Role,
    Located<EquatableArray<Located<string>>>? Inputs,
    Located<EquatableArray<OutputSpec>>? Outputs,
    Located<ReadingMechanism>? Reading,
    Located<int>? Context,
    Located<EquatableArray<LayerSpec>>? Layers)
{
    /// <summary>
    /// The same module with every location removed, for comparing specs regardless of where they were written.
    /// </summary>
    public ModuleSpec WithoutLocations() => new(
        Name.WithoutLocations(),
        Role?.WithoutLocations(),
        Inputs?.With(Inputs.Value.Value.Select(i => i.WithoutLocations()).ToEquatableArray()).WithoutLocations(),
        Outputs?.With(Outputs.Value.Value.Select(o => o.WithoutLocations()).ToEquatableArray()).WithoutLocations(),
        Reading?.WithoutLocations(),
        Context?.WithoutLocations(),
        LayerSpec.WithoutLocations(Layers));
}
