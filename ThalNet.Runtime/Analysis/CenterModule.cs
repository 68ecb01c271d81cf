using ThalNet.Runtime.Models;
namespace ThalNet.Runtime.Analysis;

/// <summary>
/// One module's slice of the center: the features it writes occupy center elements
/// <see cref="Offset"/> to <see cref="End"/> (exclusive).
/// </summary>
/// <param name="Name">The module's spec name.</param>
/// <param name="Role">Input, side or output module.</param>
/// <param name="Offset">The first center element its features occupy.</param>
/// <param name="Size">How many center elements its features occupy (its feature size).</param>
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
    /// <summary>The center element just after its slice: <see cref="Offset"/> + <see cref="Size"/>.</summary>
    public int End => Offset + Size;
}
