namespace ThalNet.TorchSharp.Nn;

/// <summary>PyTorch's nn.LSTMCell: weight_ih [4H, I], weight_hh [4H, H], bias_ih, bias_hh [4H], gates i, f, g, o.</summary>
public sealed class LstmCell : nn.Module<Tensor, Tensor, Tensor, (Tensor Hidden, Tensor Cell)>
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

    public LstmCell(int inputSize, int hiddenSize)
        : base(nameof(LstmCell))
    {
        (_weightIh, _weightHh, _biasIh, _biasHh) = RecurrentCellParameters.Create("LSTM", 4, inputSize, hiddenSize);
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

    /// <summary>The next hidden and cell states [B, H] from x [B, I], h and c [B, H].</summary>
    public override (Tensor Hidden, Tensor Cell) forward(Tensor input, Tensor hidden, Tensor cell)
    {
        using var scope = torch.NewDisposeScope();
        var gates = (nn.functional.linear(input, WeightIh, BiasIh) + nn.functional.linear(hidden, WeightHh, BiasHh)).chunk(4, 1);
        var i = gates[0].sigmoid();
        var f = gates[1].sigmoid();
        var g = gates[2].tanh();
        var o = gates[3].sigmoid();
        var nextCell = (f * cell) + (i * g);
        var nextHidden = o * nextCell.tanh();
        return (nextHidden.MoveToOuterDisposeScope(), nextCell.MoveToOuterDisposeScope());
    }
}
