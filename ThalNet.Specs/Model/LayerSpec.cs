using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// One layer of a module's stack, written <c>ff N [relu|tanh|sigmoid|none]</c> or <c>gru N</c>.
/// <see cref="Activation"/> is null when not written (always for gru; <c>none</c> for ff).
/// </summary>
/// <param name="Kind">The layer kind, located at its word.</param>
/// <param name="Size">The written size (0 while <paramref name="IsAuto"/> is unsolved).</param>
/// <param name="Activation">The written activation; null when none was written.</param>
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
    /// <summary>
    /// The same layer with every location removed, for comparing specs regardless of where they were written.
    /// </summary>
    public LayerSpec WithoutLocations() => new(Kind.WithoutLocations(), Size.WithoutLocations(), Activation?.WithoutLocations(), SourceLocation.None, IsAuto);

    /// <summary>The layer as a spec would write it (<c>ff 32 relu</c>, <c>gru 64</c>).</summary>
    public override string ToString() => SpecWords.Format(this);

    internal static Located<EquatableArray<LayerSpec>>? WithoutLocations(Located<EquatableArray<LayerSpec>>? layers)
        => layers?.With(layers.Value.Value.Select(l => l.WithoutLocations()).ToEquatableArray()).WithoutLocations();
}
