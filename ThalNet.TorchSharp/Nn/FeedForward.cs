using ThalNet.Specs;

namespace ThalNet.TorchSharp.Nn;

/// <summary>The paper's FF layer: a fully connected layer followed by its activation.</summary>
public sealed class FeedForward : Linear
{
    private readonly TorchActivation _function;

    /// <summary>A fully connected layer with weight [out, in] and bias [out], initialised U(±1/√in).</summary>
    /// <param name="inFeatures">Values it reads per row.</param>
    /// <param name="outFeatures">Values it produces per row.</param>
    /// <param name="activation">Applied after the affine map.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
    public FeedForward(int inFeatures, int outFeatures, Activation activation)
        : base(nameof(FeedForward), inFeatures, outFeatures)
    {
        Activation = activation;
        _function = TorchActivations.For(activation);
    }

    /// <summary>The activation applied after the affine map.</summary>
    public Activation Activation { get; }

    /// <summary>activation(x @ weight^T + bias) for x [..., in]; the result is [..., out].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var linear = base.forward(input);
        var result = _function.Apply(linear);
        return result.MoveToOuterDisposeScope();
    }
}
