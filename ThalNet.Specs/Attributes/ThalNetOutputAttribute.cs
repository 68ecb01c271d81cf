namespace ThalNet;

/// <summary>A task output of an output module: <c>[ThalNetOutput("decision", "digit", 10, Loss = "cross-entropy", At = "last")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ThalNetOutputAttribute(string module, string name, int size) : Attribute
{
    public string Module { get; } = module;

    public string Name { get; } = name;

    public int Size { get; } = size;

    /// <summary><c>cross-entropy</c> (default).</summary>
    public string? Loss { get; set; }

    /// <summary><c>last</c> (default) or <c>every</c>.</summary>
    public string? At { get; set; }

    /// <summary>Loss weight (default 1.0).</summary>
    public double Weight { get; set; }
}
