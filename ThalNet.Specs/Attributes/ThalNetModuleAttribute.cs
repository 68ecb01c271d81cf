namespace ThalNet;

/// <summary>A module, in center order: <c>[ThalNetModule("vision", Role = "input", Inputs = new[] { "pixels" })]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ThalNetModuleAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary><c>input</c>, <c>side</c> or <c>output</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Declared inputs this module reads (input modules only).</summary>
    public string[]? Inputs { get; set; }

    public string[]? Layers { get; set; }

    public string? Reading { get; set; }

    public int Context { get; set; }
}
