namespace ThalNet.TorchSharp.Nn;

/// <summary>PyTorch's nn.GRUCell: weight_ih [3H, I], weight_hh [3H, H], bias_ih, bias_hh [3H], gates r, z, n.</summary>
public sealed class GruCell : nn.Module<Tensor, Tensor, Tensor>
{
    // Fields, not auto-properties: TorchSharp registers them under these names, and to(device) replaces them.
    [ComponentName(Name = "weight_ih")]
    private Parameter _weightIh;

    [ComponentName(Name = "weight_hh")]
    private Parameter _weightHh;

    [ComponentName(Name = "bias_ih")]
    private Parameter _biasIh;

    [ComponentName(Name = "bias_hh")]
    private Parameter _biasHh;

    /// <summary>A GRU cell with every parameter initialised U(±1/√H), as PyTorch does.</summary>
    /// <param name="inputSize">I, values it reads per row.</param>
    /// <param name="hiddenSize">H, its hidden state's width.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
    public GruCell(int inputSize, int hiddenSize)
        : base(nameof(GruCell))
    {
        (_weightIh, _weightHh, _biasIh, _biasHh) = RecurrentCellParameters.Create("GRU", 3, inputSize, hiddenSize);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        RegisterComponents();
    }

    /// <summary>I, values it reads per row.</summary>
    public int InputSize { get; }

    /// <summary>H, its hidden state's width (its output).</summary>
    public int HiddenSize { get; }

    /// <c>weight_ih</c> [3H, I]: the input's weights of the r, z and n gates, stacked.
    public Parameter WeightIh => _weightIh;

    /// <c>weight_hh</c> [3H, H]: the hidden state's weights of the r, z and n gates, stacked.
    public Parameter WeightHh => _weightHh;

    /// <c>bias_ih</c> [3H]: the input side's gate biases.
    public Parameter BiasIh => _biasIh;

    /// <c>bias_hh</c> [3H]: the hidden side's gate biases (n's is scaled by r, as in PyTorch).
    public Parameter BiasHh => _biasHh;

    /// <summary>The next hidden state [B, H] from x [B, I] and h [B, H].</summary>
    public override Tensor forward(Tensor input, Tensor hidden)
    {
        using var scope = torch.NewDisposeScope();
        var gi = nn.functional.linear(input, WeightIh, BiasIh).chunk(3, 1);
        var gh = nn.functional.linear(hidden, WeightHh, BiasHh).chunk(3, 1);
        var r = (gi[0] + gh[0]).sigmoid();
        var z = (gi[1] + gh[1]).sigmoid();
        var n = (gi[2] + (r * gh[2])).tanh();
        return (n + (z * (hidden - n))).MoveToOuterDisposeScope();
    }
}
