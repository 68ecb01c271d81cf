namespace ThalNet.Specs;

/// <summary>One layer of a module's stack with its resolved sizes.</summary>
/// <param name="Name">Parameter name part: the kind (<c>ff</c>, <c>gru</c>) when it appears once in the stack, else kind and index among that kind (<c>ff0</c>, <c>ff1</c>).</param>
/// <param name="Path">Module and layer name, the prefix of its parameters (<c>vision.ff</c>).</param>
/// <param name="Kind">The layer kind.</param>
/// <param name="Activation"><see cref="Activation.None"/> for GRU layers.</param>
/// <param name="InputSize">Values it reads per step and row (for a module's first layer: inputs plus context).</param>
/// <param name="OutputSize">Values it produces per step and row.</param>
public sealed record LayerLayout(string Name, string Path, LayerKind Kind, Activation Activation, int InputSize, int OutputSize);
