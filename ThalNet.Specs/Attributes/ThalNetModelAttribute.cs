namespace ThalNet;

/// <summary>
/// Marks a <c>partial class</c> as a ThalNet model; the class name is the model name. The source
/// generator reads only the arguments written, so unset properties mean "use the default".
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ThalNetModelAttribute : Attribute
{
    /// <summary>Simulated steps per input step (default 1).</summary>
    public int Substeps { get; set; }

    /// <summary>Optional: checked against the sum of module feature sizes.</summary>
    public int Center { get; set; }

    /// <summary>
    /// Optional: how many modules update at each sub-step (default all). Per example, the modules whose reads put the
    /// least weight on their null slot update; the others keep their state and their slice of the center. Every
    /// module must read by a mechanism with a null slot (<c>attention</c>).
    /// </summary>
    public int Active { get; set; }

    /// <summary>Optional: an error when the parameter count exceeds it.</summary>
    public long Budget { get; set; }

    /// <summary>Optional: the namespace of the generated code (default: the class's).</summary>
    public string? Namespace { get; set; }
}
