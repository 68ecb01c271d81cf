namespace ThalNet.TorchSharp.Nn;

/// <summary>PyTorch's nn.GRUCell: weight_ih [3H, I], weight_hh [3H, H], bias_ih, bias_hh [3H], gates r, z, n.</summary>
public sealed class GruCell : nn.Module<Tensor, Tensor, Tensor>
{
    public GruCell(int inputSize, int hiddenSize)
        : base(nameof(GruCell))
    {
        if (inputSize < 1 || hiddenSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenSize), $"GRU sizes must be positive; got input {inputSize}, hidden {hiddenSize}.");
        }

        InputSize = inputSize;
        HiddenSize = hiddenSize;
        WeightIh = Init.FanIn([3L * hiddenSize, inputSize], hiddenSize);
        WeightHh = Init.FanIn([3L * hiddenSize, hiddenSize], hiddenSize);
        BiasIh = Init.FanIn([3L * hiddenSize], hiddenSize);
        BiasHh = Init.FanIn([3L * hiddenSize], hiddenSize);
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
