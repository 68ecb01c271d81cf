namespace ThalNet.Specs;

/// <summary>A task input: <c>pixels: 28</c> (dense) or <c>text: { tokens: 256 }</c> (one-hot tokens).</summary>
/// <param name="Size">The dense size, or the vocabulary for tokens; the input's width either way.</param>
public sealed record InputSpec(Located<string> Name, InputKind Kind, Located<int>? Size)
{
    public InputSpec WithoutLocations() => new(Name.WithoutLocations(), Kind, Size?.WithoutLocations());
}
