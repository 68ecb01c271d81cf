namespace ThalNet.TorchSharp.Nn;

/// <summary>PyTorch's nn.Linear, the output heads: y = x @ weight^T + bias, weight [out, in].</summary>
public class Linear : nn.Module<Tensor, Tensor>
{
    public Linear(int inFeatures, int outFeatures)
        : this(nameof(Linear), inFeatures, outFeatures)
    {
    }

    protected Linear(string name, int inFeatures, int outFeatures)
        : base(name)
    {
        if (inFeatures < 1 || outFeatures < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inFeatures), $"Linear sizes must be positive; got {inFeatures} -> {outFeatures}.");
        }

        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = Init.FanIn([outFeatures, inFeatures], inFeatures);
        Bias = Init.FanIn([outFeatures], inFeatures);
        register_parameter("weight", Weight);
        register_parameter("bias", Bias);
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    public override Tensor forward(Tensor input) => nn.functional.linear(input, Weight, Bias);
}
