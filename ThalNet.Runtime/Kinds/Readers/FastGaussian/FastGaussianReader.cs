namespace ThalNet.Runtime.Nn;

/// <summary>Fast Gaussian reading: one Gaussian window over center positions per context element, placed by the features.</summary>
public sealed class FastGaussianReader : FastReader
{
    private readonly TransposeCache _wMeanT = new();
    private readonly TransposeCache _wScaleT = new();

    /// <summary>A fast Gaussian reader with its weights initialised U(±1/√F) from <paramref name="random"/> and its
    /// biases at <see cref="GaussianWindowStart"/> (windows spread evenly over the center).</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <param name="featureSize">F, the reading module's feature size.</param>
    /// <param name="random">The generator the initial weights are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    public FastGaussianReader(int centerSize, int contextSize, int featureSize, RandomSource random)
        : base(centerSize, contextSize)
    {
        WMean = AddParameter("w_mean", new Parameter(featureSize, contextSize));
        BMean = AddParameter("b_mean", new Parameter(contextSize));
        WScale = AddParameter("w_scale", new Parameter(featureSize, contextSize));
        BScale = AddParameter("b_scale", new Parameter(contextSize));
        Init.FanIn(WMean, featureSize, random);
        Init.FanIn(WScale, featureSize, random);
        GaussianWindowStart.MeanLogits(contextSize).CopyTo(BMean.Data);
        GaussianWindowStart.ScaleLogits(centerSize, contextSize).CopyTo(BScale.Data);
    }

    /// <c>w_mean</c> [F, K]: maps the features to each context element's mean position (before the sigmoid).
    public Parameter WMean { get; }

    /// <c>b_mean</c> [K]: the bias of the mean positions.
    public Parameter BMean { get; }

    /// <c>w_scale</c> [F, K]: maps the features to each context element's width (before the softplus).
    public Parameter WScale { get; }

    /// <c>b_scale</c> [K]: the bias of the widths.
    public Parameter BScale { get; }

    /// <summary>The context [B, K]: the center weighted by a Gaussian window per context element, placed and sized by
    /// the features.</summary>
    /// <param name="tape">Records the operation.</param>
    /// <param name="center">The previous center [B, C].</param>
    /// <param name="features">The module's previous features [B, F].</param>
    public override Tensor Read(Tape tape, Tensor center, Tensor features) =>
        tape.FastGaussianRead(center, features, WMean, BMean, WScale, BScale, Probe, _wMeanT.Get(tape, WMean), _wScaleT.Get(tape, WScale));
}
