namespace ThalNet.TorchSharp.Nn;

/// <summary>PyTorch's nn.Linear, the output heads: y = x @ weight^T + bias, weight [out, in].</summary>
public class Linear : nn.Module<Tensor, Tensor>
{
    // Fields, not auto-properties: TorchSharp registers them under these names, and to(device) replaces them.
    [ComponentName(Name = "weight")]
    private Parameter _weight;

    [ComponentName(Name = "bias")]
    private Parameter _bias;

    /// <summary>A linear layer with weight [out, in] and bias [out], initialised U(±1/√in).</summary>
    /// <param name="inFeatures">Values it reads per row.</param>
    /// <param name="outFeatures">Values it produces per row.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
    public Linear(int inFeatures, int outFeatures)
        : this(nameof(Linear), inFeatures, outFeatures)
    {
    }

    /// <summary>For subclasses that register under their own module name.</summary>
    /// <param name="name">The module name TorchSharp registers.</param>
    /// <param name="inFeatures">Values it reads per row.</param>
    /// <param name="outFeatures">Values it produces per row.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
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

    /// <summary>Values it reads per row.</summary>
    public int InFeatures { get; }

    /// <summary>Values it produces per row.</summary>
    public int OutFeatures { get; }

    /// <c>weight</c> [out, in].
    public Parameter Weight => _weight;

    /// <c>bias</c> [out].
    public Parameter Bias => _bias;

    /// <summary>x @ weight^T + bias for x [..., in]; the result is [..., out].</summary>
    public override Tensor forward(Tensor input) => nn.functional.linear(input, Weight, Bias);
}
