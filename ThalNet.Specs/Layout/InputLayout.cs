namespace ThalNet.Specs;

/// <summary>One task input with its resolved width.</summary>
/// <param name="Name">The input's spec name (<c>pixels</c>).</param>
/// <param name="CSharpName">Its PascalCase name in generated code (<c>Pixels</c>).</param>
/// <param name="Kind">Dense values or one-hot tokens.</param>
/// <param name="Width">Values fed per step: the dense size, or the vocabulary for one-hot tokens.</param>
public sealed record InputLayout(string Name, string CSharpName, InputKind Kind, int Width);
