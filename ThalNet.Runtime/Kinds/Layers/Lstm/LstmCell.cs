namespace ThalNet.Runtime.Nn;

/// <summary>
/// PyTorch's nn.LSTMCell: parameters weight_ih [4H, I], weight_hh [4H, H], bias_ih, bias_hh [4H], gate rows i, f, g, o,
/// all U(±1/√H). Its hidden state h is the layer's output; its cell state c lives in the model state.
/// </summary>
public sealed class LstmCell : Module
{
    private readonly TransposeCache _weightIhT = new();
    private readonly TransposeCache _weightHhT = new();

    /// <summary>An LSTM cell with every parameter initialised U(±1/√H) from <paramref name="random"/>, as PyTorch
    /// does.</summary>
    /// <param name="inputSize">I, values it reads per row.</param>
    /// <param name="hiddenSize">H, its hidden and cell state's width.</param>
    /// <param name="random">The generator the initial weights are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
    public LstmCell(int inputSize, int hiddenSize, RandomSource random)
    {
        if (inputSize < 1 || hiddenSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenSize), $"LSTM sizes must be positive; got input {inputSize}, hidden {hiddenSize}.");
        }

        InputSize = inputSize;
        HiddenSize = hiddenSize;
        WeightIh = AddParameter("weight_ih", new Parameter(4 * hiddenSize, inputSize));
        WeightHh = AddParameter("weight_hh", new Parameter(4 * hiddenSize, hiddenSize));
        BiasIh = AddParameter("bias_ih", new Parameter(4 * hiddenSize));
        BiasHh = AddParameter("bias_hh", new Parameter(4 * hiddenSize));
        foreach (var p in new Tensor[] { WeightIh, WeightHh, BiasIh, BiasHh })
        {
            Init.FanIn(p, hiddenSize, random);
        }
    }

    /// <summary>I, values it reads per row.</summary>
    public int InputSize { get; }

    /// <summary>H, its hidden and cell state's width.</summary>
    public int HiddenSize { get; }

    /// <c>weight_ih</c> [4H, I]: the input's weights of the i, f, g and o gates, stacked.
    public Parameter WeightIh { get; }

    /// <c>weight_hh</c> [4H, H]: the hidden state's weights of the i, f, g and o gates, stacked.
    public Parameter WeightHh { get; }

    /// <c>bias_ih</c> [4H]: the input side's gate biases.
    public Parameter BiasIh { get; }

    /// <c>bias_hh</c> [4H]: the hidden side's gate biases.
    public Parameter BiasHh { get; }

    /// <summary>The next hidden state [B, H] from x [B, I], h [B, H] and c [B, H]; <paramref name="c"/> becomes the next cell state.</summary>
    public Tensor Forward(Tape tape, Tensor x, Tensor h, ref Tensor c)
    {
        var (hNew, cNew) = tape.LstmCell(x, h, c, WeightIh, WeightHh, BiasIh, BiasHh, _weightIhT.Get(tape, WeightIh), _weightHhT.Get(tape, WeightHh));
        c = cNew;
        return hNew;
    }
}
