namespace ThalNet.Specs;

/// <summary>A task output of an output module: <c>digit: { size: 10, loss: cross-entropy, at: last, weight: 1.0 }</c>.</summary>
public sealed record OutputSpec(
    Located<string> Name,
    Located<int>? Size,
    Located<LossKind>? Loss,
    Located<OutputTiming>? At,
    Located<double>? Weight)
{
    /// <summary>
    /// The same output with every location removed, for comparing specs regardless of where they were written.
    /// </summary>
    public OutputSpec WithoutLocations() => new(
        Name.WithoutLocations(),
        Size?.WithoutLocations(),
        Loss?.WithoutLocations(),
        At?.WithoutLocations(),
        Weight?.WithoutLocations());
}
