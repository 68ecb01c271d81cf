namespace ThalNet;

/// <summary>A module, in center order: <c>[ThalNetModule("vision", Role = "input", Inputs = new[] { "pixels" })]</c>.</summary>
/// <param name="name">The module's name, also the prefix of its parameters (<c>vision.gru.weight_ih</c>).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ThalNetModuleAttribute(string name) : Attribute
{
    /// <summary>The module's name.</summary>
    public string Name { get; } = name;

    /// <summary><c>input</c>, <c>side</c> or <c>output</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Declared inputs this module reads (input modules only).</summary>
    public string[]? Inputs { get; set; }

    /// <summary>Layer stack (default: the model's defaults), e.g. <c>"ff 32 relu"</c>, <c>"gru 32"</c>.</summary>
    public string[]? Layers { get; set; }

    /// <summary>Reading mechanism (default: the model's defaults): <c>linear</c>, <c>weight-norm</c>, <c>fast-softmax</c> or <c>fast-gaussian</c>.</summary>
    public string? Reading { get; set; }

    /// <summary>Size of the context the module reads from the center (default: the model's defaults).</summary>
    public int Context { get; set; }
}
