namespace ThalNet.Specs;

/// <summary>The values a spec gets where it is silent.</summary>
public static class SpecDefaults
{
    public const int Substeps = 1;

    public const ReadingMechanism Reading = ReadingMechanism.WeightNorm;

    public const int Context = 32;

    /// <summary><c>ff N</c> written without an activation.</summary>
    public const Activation FeedForwardActivation = Activation.None;

    public const LossKind Loss = LossKind.CrossEntropy;

    public const OutputTiming At = OutputTiming.Last;

    public const double Weight = 1.0;

    /// <summary><c>[ff 32 relu, gru 32]</c>.</summary>
    public static EquatableArray<LayerSpec> Layers { get; } = EquatableArray.Create(
        new LayerSpec(new Located<LayerKind>(LayerKind.FeedForward, SourceLocation.None), new Located<int>(32, SourceLocation.None), new Located<Activation>(Activation.Relu, SourceLocation.None), SourceLocation.None),
        new LayerSpec(new Located<LayerKind>(LayerKind.Gru, SourceLocation.None), new Located<int>(32, SourceLocation.None), null, SourceLocation.None));
}
