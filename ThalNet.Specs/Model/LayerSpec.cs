using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// One layer of a module's stack, written <c>ff N [relu|tanh|sigmoid|none]</c> or <c>gru N</c>.
/// <see cref="Activation"/> is null when not written (always for gru; <c>none</c> for ff).
/// </summary>
/// <param name="Location">The whole layer string.</param>
/// <param name="IsAuto">
/// The size was written <c>auto</c>: <see cref="Size"/> (located at the word) holds 0 until
/// <see cref="AutoSizing"/> solves it from the budget.
/// </param>
public sealed record LayerSpec(
    Located<LayerKind> Kind,
    Located<int> Size,
    Located<Activation>? Activation,
    SourceLocation Location,
    bool IsAuto = false)
{
    public LayerSpec WithoutLocations() => new(Kind.WithoutLocations(), Size.WithoutLocations(), Activation?.WithoutLocations(), SourceLocation.None, IsAuto);

    public override string ToString() => SpecWords.Format(this);

    internal static Located<EquatableArray<LayerSpec>>? WithoutLocations(Located<EquatableArray<LayerSpec>>? layers)
        => layers?.With(layers.Value.Value.Select(l => l.WithoutLocations()).ToEquatableArray()).WithoutLocations();
}
