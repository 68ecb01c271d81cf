namespace ThalNet;

/// <summary>What every module gets unless it overrides it: <c>[ThalNetDefaults(Reading = "weight-norm", Context = 32, Layers = new[] { "ff 32 relu", "gru 32" })]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ThalNetDefaultsAttribute : Attribute
{
    /// <summary><c>linear</c>, <c>weight-norm</c>, <c>fast-softmax</c> or <c>fast-gaussian</c>.</summary>
    public string? Reading { get; set; }

    /// <summary>Size of the context each module reads from the center (default 32).</summary>
    public int Context { get; set; }

    /// <summary>Layer stack, e.g. <c>"ff 32 relu"</c>, <c>"gru 32"</c>; features are the last layer's output.</summary>
    public string[]? Layers { get; set; }
}
