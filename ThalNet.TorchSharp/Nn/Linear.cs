namespace ThalNet.TorchSharp.Nn;

/// <summary>PyTorch's nn.Linear, the output heads: y = x @ weight^T + bias, weight [out, in].</summary>
public class Linear : nn.Module<Tensor, Tensor>
{
    // Fields, not auto-properties: TorchSharp registers them under these names, and to(device) replaces them.
    [ComponentName(Name = "weight")]
    private Parameter _weight;

    [ComponentName(Name = "bias")]
    private Parameter _bias;

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
        _weight = Init.FanIn([outFeatures, inFeatures], inFeatures);
        _bias = Init.FanIn([outFeatures], inFeatures);
        RegisterComponents();
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    public Parameter Weight => _weight;

    public Parameter Bias => _bias;

    public override Tensor forward(Tensor input) => nn.functional.linear(input, Weight, Bias);
}
