using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime.Nn;

/// <summary>Fast softmax reading: per-example attention over center positions, predicted from the features.</summary>
public sealed class FastSoftmaxReader : FastReader
{
    private readonly TransposeCache _wT = new();

    /// <summary>A fast softmax reader with its parameters initialised U(±1/√F) from <paramref
    /// name="random"/>.</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <param name="featureSize">F, the reading module's feature size.</param>
    /// <param name="random">The generator the initial weights are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    public FastSoftmaxReader(int centerSize, int contextSize, int featureSize, RandomSource random)
        : base(centerSize, contextSize)
    {
        W = AddParameter("w", new Parameter(featureSize, centerSize * contextSize));
        B = AddParameter("b", new Parameter(centerSize * contextSize));
        Init.FanIn(W, featureSize, random);
        Init.FanIn(B, featureSize, random);
    }

    /// <c>w</c> [F, C*K]: maps the features to the attention logits.
    public Parameter W { get; }

    /// <c>b</c> [C*K]: the bias of the attention logits.
    public Parameter B { get; }

    /// <summary>The context [B, K]: the center weighted by a softmax over the center of the logits features @ w + b,
    /// one distribution per context element.</summary>
    /// <param name="tape">Records the operation.</param>
    /// <param name="center">The previous center [B, C].</param>
    /// <param name="features">The module's previous features [B, F].</param>
    public override Tensor Read(Tape tape, Tensor center, Tensor features) =>
        tape.FastSoftmaxRead(center, features, W, B, W.Shape[0] > FeatureGradientKernels.MaxFeatures ? _wT.Get(tape, W) : null, Probe);
}
