namespace ThalNet.Specs;

/// <summary>One key of a spec mapping: what the YAML reader accepts, and what editors show for it.</summary>
/// <param name="Name">The key as written (<c>reading</c>).</param>
/// <param name="Value">What it holds.</param>
/// <param name="Description">One or two sentences for hover text.</param>
/// <param name="Default">The value it takes when absent, as JSON text (<c>"weight-norm"</c>, <c>1</c>), or null when it has none.</param>
/// <param name="Required">Whether the mapping must have it.</param>
/// <param name="OnlyFor">On modules: the role whose modules must have it and the only one that may.</param>
public sealed record SpecKey(
    string Name,
    SpecValue Value,
    string Description,
    string? Default = null,
    bool Required = false,
    ModuleRole? OnlyFor = null);
