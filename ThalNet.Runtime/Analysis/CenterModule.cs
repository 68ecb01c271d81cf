using ThalNet.Runtime.Models;
namespace ThalNet.Runtime.Analysis;

/// <summary>
/// One module's slice of the center: the features it writes occupy center elements
/// <see cref="Offset"/> to <see cref="End"/> (exclusive).
/// </summary>
/// <param name="TaskInputs">The task inputs an input module receives (for the connectivity graph).</param>
/// <param name="TaskOutputs">The task outputs an output module produces.</param>
public sealed record CenterModule(
    string Name,
    ModuleRole Role,
    int Offset,
    int Size,
    IReadOnlyList<string>? TaskInputs = null,
    IReadOnlyList<string>? TaskOutputs = null)
{
    public int End => Offset + Size;
}
