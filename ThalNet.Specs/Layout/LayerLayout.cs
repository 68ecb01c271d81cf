namespace ThalNet.Specs;

/// <param name="Name">Parameter name part: the kind (<c>ff</c>, <c>gru</c>) when it appears once in the stack, else kind and index among that kind (<c>ff0</c>, <c>ff1</c>).</param>
/// <param name="Path">Module and layer name, the prefix of its parameters (<c>vision.ff</c>).</param>
/// <param name="Activation"><see cref="Activation.None"/> for GRU layers.</param>
public sealed record LayerLayout(string Name, string Path, LayerKind Kind, Activation Activation, int InputSize, int OutputSize);
