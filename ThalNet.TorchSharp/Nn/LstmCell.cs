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

    /// <summary>An LSTM cell with every parameter initialised U(±1/√H), as PyTorch does.</summary>
    /// <param name="inputSize">I, values it reads per row.</param>
    /// <param name="hiddenSize">H, its hidden and cell state's width.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
    public LstmCell(int inputSize, int hiddenSize)
        : base(nameof(LstmCell))
    {
        (_weightIh, _weightHh, _biasIh, _biasHh) = RecurrentCellParameters.Create("LSTM", 4, inputSize, hiddenSize);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        RegisterComponents();
    }

    /// <summary>I, values it reads per row.</summary>
    public int InputSize { get; }

    /// <summary>H, its hidden and cell state's width.</summary>
    public int HiddenSize { get; }

    /// <c>weight_ih</c> [4H, I]: the input's weights of the i, f, g and o gates, stacked.
    public Parameter WeightIh => _weightIh;

    /// <c>weight_hh</c> [4H, H]: the hidden state's weights of the i, f, g and o gates, stacked.
    public Parameter WeightHh => _weightHh;

    /// <c>bias_ih</c> [4H]: the input side's gate biases.
    public Parameter BiasIh => _biasIh;

    /// <c>bias_hh</c> [4H]: the hidden side's gate biases.
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
