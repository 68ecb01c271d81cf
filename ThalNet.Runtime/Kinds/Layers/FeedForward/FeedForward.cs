namespace ThalNet.Runtime.Nn;

/// <summary>A fully connected layer followed by an activation: the paper's FF layer.</summary>
public sealed class FeedForward : Linear
{
    /// <summary>A fully connected layer with weight [out, in] and bias [out], initialised U(±1/√in) from <paramref
    /// name="random"/>.</summary>
    /// <param name="inFeatures">Values it reads per row.</param>
    /// <param name="outFeatures">Values it produces per row.</param>
    /// <param name="activation">Applied after the affine map, fused into the same operation.</param>
    /// <param name="random">The generator the initial weights are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
    public FeedForward(int inFeatures, int outFeatures, Activation activation, RandomSource random)
        : base(inFeatures, outFeatures, random)
    {
        Activation = activation;
    }

    /// <summary>The activation applied after the affine map.</summary>
    public Activation Activation { get; }

    /// <summary>
    /// activation(x @ weight^T + bias) for x [B, in], recorded on <paramref name="tape"/>; the result is [B, out].
    /// </summary>
    public new Tensor Forward(Tape tape, Tensor x) => Forward(tape, x, Activation);
}
