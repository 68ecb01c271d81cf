namespace ThalNet.Runtime.Nn;

/// <summary>A fully connected layer followed by an activation: the paper's FF layer.</summary>
public sealed class FeedForward : Linear
{
    public FeedForward(int inFeatures, int outFeatures, Activation activation, RandomSource random)
        : base(inFeatures, outFeatures, random)
    {
        Activation = activation;
    }

    public Activation Activation { get; }

    public new Tensor Forward(Tape tape, Tensor x) => Forward(tape, x, Activation);
}
