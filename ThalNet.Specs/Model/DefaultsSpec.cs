namespace ThalNet.Specs;

/// <summary>The <c>defaults</c> block: what every module gets unless it overrides it.</summary>
public sealed record DefaultsSpec(
    Located<ReadingMechanism>? Reading,
    Located<int>? Context,
    Located<EquatableArray<LayerSpec>>? Layers)
{
    public static DefaultsSpec None { get; } = new(null, null, null);

    public DefaultsSpec WithoutLocations() => new(
        Reading?.WithoutLocations(),
        Context?.WithoutLocations(),
        LayerSpec.WithoutLocations(Layers));
}
