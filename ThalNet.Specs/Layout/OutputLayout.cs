namespace ThalNet.Specs;

/// <param name="Path">Module and output name, the prefix of its parameters (<c>decision.digit</c>).</param>
public sealed record OutputLayout(string Name, string CSharpName, string Path, int Size, LossKind Loss, OutputTiming At, double Weight);
