namespace ThalNet.Specs;

/// <summary>A task input: <c>pixels: 28</c> (dense) or <c>text: { tokens: 256 }</c> (one-hot tokens).</summary>
/// <param name="Name">The input's name, located at its key.</param>
/// <param name="Kind">Dense values or one-hot tokens.</param>
/// <param name="Size">The dense size, or the vocabulary for tokens; the input's width either way.</param>
public sealed record InputSpec(Located<string> Name, InputKind Kind, Located<int>? Size)
{
    /// <summary>
    /// The same input with every location removed, for comparing specs regardless of where they were written.
    /// </summary>
    public InputSpec WithoutLocations() => new(Name.WithoutLocations(), Kind, Size?.WithoutLocations());
}
