using ThalNet.Specs;

namespace ThalNet.TorchSharp.Nn;

/// <summary>The paper's FF layer: a fully connected layer followed by its activation.</summary>
public sealed class FeedForward : Linear
{
    public FeedForward(int inFeatures, int outFeatures, Activation activation)
        : base(nameof(FeedForward), inFeatures, outFeatures)
    {
        Activation = activation;
    }

    public Activation Activation { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var linear = base.forward(input);
        var result = Activation switch
        {
            Activation.None => linear,
            Activation.Relu => nn.functional.relu(linear),
            Activation.Tanh => linear.tanh(),
            Activation.Sigmoid => linear.sigmoid(),
            Activation.Gelu => nn.functional.gelu(linear),
            _ => throw new NotSupportedException($"Activation '{Activation}' has no TorchSharp implementation."),
        };
        return result.MoveToOuterDisposeScope();
    }
}
