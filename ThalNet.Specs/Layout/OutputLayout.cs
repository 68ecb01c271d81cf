namespace ThalNet.Specs;

/// <summary>One task output of an output module, with its resolved loss, timing and weight.</summary>
/// <param name="Name">The output's spec name (<c>digit</c>).</param>
/// <param name="CSharpName">Its PascalCase name in generated code (<c>Digit</c>).</param>
/// <param name="Path">Module and output name, the prefix of its parameters (<c>decision.digit</c>).</param>
/// <param name="Size">Values the head produces per row (classes for cross-entropy).</param>
/// <param name="Loss">The loss it trains with.</param>
/// <param name="At">Whether it is due at the last step only or at every step.</param>
/// <param name="Weight">Its weight in the total loss.</param>
public sealed record OutputLayout(string Name, string CSharpName, string Path, int Size, LossKind Loss, OutputTiming At, double Weight);
