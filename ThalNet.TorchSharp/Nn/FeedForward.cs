using ThalNet.Specs;

namespace ThalNet.TorchSharp.Nn;

/// <summary>The paper's FF layer: a fully connected layer followed by its activation.</summary>
public sealed class FeedForward : Linear
{
    private readonly TorchActivation _function;

    public FeedForward(int inFeatures, int outFeatures, Activation activation)
        : base(nameof(FeedForward), inFeatures, outFeatures)
    {
        Activation = activation;
        _function = TorchActivations.For(activation);
    }

    public Activation Activation { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var linear = base.forward(input);
        var result = _function.Apply(linear);
        return result.MoveToOuterDisposeScope();
    }
}
