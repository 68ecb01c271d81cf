namespace ThalNet.Specs;

/// <param name="Width">Values fed per step: the dense size, or the vocabulary for one-hot tokens.</param>
public sealed record InputLayout(string Name, string CSharpName, InputKind Kind, int Width);
