namespace ThalNet;

/// <summary>A task output of an output module: <c>[ThalNetOutput("decision", "digit", 10, Loss = "cross-entropy", At = "last")]</c>.</summary>
/// <param name="module">The output module that computes it.</param>
/// <param name="name">The output's name, unique across the model.</param>
/// <param name="size">Number of classes (logits).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ThalNetOutputAttribute(string module, string name, int size) : Attribute
{
    /// <summary>The output module that computes it.</summary>
    public string Module { get; } = module;

    /// <summary>The output's name.</summary>
    public string Name { get; } = name;

    /// <summary>Number of classes (logits).</summary>
    public int Size { get; } = size;

    /// <summary><c>cross-entropy</c> (default).</summary>
    public string? Loss { get; set; }

    /// <summary><c>last</c> (default) or <c>every</c>.</summary>
    public string? At { get; set; }

    /// <summary>Loss weight (default 1.0).</summary>
    public double Weight { get; set; }
}
