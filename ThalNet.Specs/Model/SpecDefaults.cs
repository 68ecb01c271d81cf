namespace ThalNet.Specs;

/// <summary>The values a spec gets where it is silent.</summary>
public static class SpecDefaults
{
    /// <summary>Sub-steps per input step when neither the model nor its defaults say: 1.</summary>
    public const int Substeps = 1;

    /// <summary>
    /// The reading mechanism when neither the module nor the defaults say: weight-normalised, the paper's best.
    /// </summary>
    public const ReadingMechanism Reading = ReadingMechanism.WeightNorm;

    /// <summary>The context size when neither the module nor the defaults say: 32 values.</summary>
    public const int Context = 32;

    /// <summary><c>ff N</c> written without an activation.</summary>
    public const Activation FeedForwardActivation = Activation.None;

    /// <summary>An output's loss when it names none: cross-entropy.</summary>
    public const LossKind Loss = LossKind.CrossEntropy;

    /// <summary>When an output is due when it does not say: after the last step.</summary>
    public const OutputTiming At = OutputTiming.Last;

    /// <summary>An output's weight in the total loss when it names none: 1.</summary>
    public const double Weight = 1.0;

    /// <summary><c>[ff 32 relu, gru 32]</c>.</summary>
    public static EquatableArray<LayerSpec> Layers { get; } = EquatableArray.Create(
        new LayerSpec(new Located<LayerKind>(LayerKind.FeedForward, SourceLocation.None), new Located<int>(32, SourceLocation.None), new Located<Activation>(Activation.Relu, SourceLocation.None), SourceLocation.None),
        new LayerSpec(new Located<LayerKind>(LayerKind.Gru, SourceLocation.None), new Located<int>(32, SourceLocation.None), null, SourceLocation.None));
}
