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

    public GruCell(int inputSize, int hiddenSize)
        : base(nameof(GruCell))
    {
        (_weightIh, _weightHh, _biasIh, _biasHh) = RecurrentCellParameters.Create("GRU", 3, inputSize, hiddenSize);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        RegisterComponents();
    }

    public int InputSize { get; }

    public int HiddenSize { get; }

    public Parameter WeightIh => _weightIh;

    public Parameter WeightHh => _weightHh;

    public Parameter BiasIh => _biasIh;

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
