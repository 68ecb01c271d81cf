namespace ThalNet.Specs;

/// <summary>A module's effective settings: its own value, else the defaults block, else <see cref="SpecDefaults"/>.</summary>
internal static class SpecResolution
{
    public static int Substeps(ModelSpec spec) => spec.Substeps?.Value ?? SpecDefaults.Substeps;

    public static ReadingMechanism Reading(ModelSpec spec, ModuleSpec module)
        => module.Reading?.Value ?? spec.Defaults.Reading?.Value ?? SpecDefaults.Reading;

    public static int Context(ModelSpec spec, ModuleSpec module)
        => module.Context?.Value ?? spec.Defaults.Context?.Value ?? SpecDefaults.Context;

    public static EquatableArray<LayerSpec> Layers(ModelSpec spec, ModuleSpec module)
        => module.Layers?.Value ?? spec.Defaults.Layers?.Value ?? SpecDefaults.Layers;
}
