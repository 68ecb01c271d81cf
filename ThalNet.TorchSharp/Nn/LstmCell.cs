namespace ThalNet.TorchSharp.Nn;

/// <summary>PyTorch's nn.LSTMCell: weight_ih [4H, I], weight_hh [4H, H], bias_ih, bias_hh [4H], gates i, f, g, o.</summary>
public sealed class LstmCell : nn.Module<Tensor, Tensor, Tensor, (Tensor Hidden, Tensor Cell)>
{
    public LstmCell(int inputSize, int hiddenSize)
        : base(nameof(LstmCell))
    {
        if (inputSize < 1 || hiddenSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenSize), $"LSTM sizes must be positive; got input {inputSize}, hidden {hiddenSize}.");
        }

        InputSize = inputSize;
        HiddenSize = hiddenSize;
        WeightIh = Init.FanIn([4L * hiddenSize, inputSize], hiddenSize);
        WeightHh = Init.FanIn([4L * hiddenSize, hiddenSize], hiddenSize);
        BiasIh = Init.FanIn([4L * hiddenSize], hiddenSize);
        BiasHh = Init.FanIn([4L * hiddenSize], hiddenSize);
        register_parameter("weight_ih", WeightIh);
        register_parameter("weight_hh", WeightHh);
        register_parameter("bias_ih", BiasIh);
        register_parameter("bias_hh", BiasHh);
    }

    public int InputSize { get; }

    public int HiddenSize { get; }

    public Parameter WeightIh { get; }

    public Parameter WeightHh { get; }

    public Parameter BiasIh { get; }

    public Parameter BiasHh { get; }

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
