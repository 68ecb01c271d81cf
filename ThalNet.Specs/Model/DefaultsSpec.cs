namespace ThalNet.Specs;

/// <summary>The <c>defaults</c> block: what every module gets unless it overrides it.</summary>
public sealed record DefaultsSpec(
    Located<ReadingMechanism>? Reading,
    Located<int>? Context,
    Located<EquatableArray<LayerSpec>>? Layers)
{
    /// <summary>An empty defaults block: every value falls back to <see cref="SpecDefaults"/>.</summary>
    public static DefaultsSpec None { get; } = new(null, null, null);

    /// <summary>
    /// The same defaults with every location removed, for comparing specs regardless of where they were written.
    /// </summary>
    public DefaultsSpec WithoutLocations() => new(
        Reading?.WithoutLocations(),
        Context?.WithoutLocations(),
        LayerSpec.WithoutLocations(Layers));
}
