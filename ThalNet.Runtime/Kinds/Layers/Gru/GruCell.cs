namespace ThalNet.Runtime.Nn;

/// <summary>PyTorch's nn.GRUCell: parameters weight_ih [3H, I], weight_hh [3H, H], bias_ih, bias_hh [3H], gates r, z, n.</summary>
public sealed class GruCell : Module
{
    private readonly TransposeCache _weightIhT = new();
    private readonly TransposeCache _weightHhT = new();

    /// <summary>A GRU cell with every parameter initialised U(±1/√H) from <paramref name="random"/>, as PyTorch
    /// does.</summary>
    /// <param name="inputSize">I, values it reads per row.</param>
    /// <param name="hiddenSize">H, its hidden state's width.</param>
    /// <param name="random">The generator the initial weights are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
    public GruCell(int inputSize, int hiddenSize, RandomSource random)
        : this(inputSize, hiddenSize, random, string.Empty)
    {
    }

    /// <summary>With a suffix, parameters are named like nn.GRU's layers (<c>weight_ih_l0</c>).</summary>
    internal GruCell(int inputSize, int hiddenSize, RandomSource random, string suffix)
    {
        if (inputSize < 1 || hiddenSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenSize), $"GRU sizes must be positive; got input {inputSize}, hidden {hiddenSize}.");
        }

        InputSize = inputSize;
        HiddenSize = hiddenSize;
        WeightIh = AddParameter("weight_ih" + suffix, new Parameter(3 * hiddenSize, inputSize));
        WeightHh = AddParameter("weight_hh" + suffix, new Parameter(3 * hiddenSize, hiddenSize));
        BiasIh = AddParameter("bias_ih" + suffix, new Parameter(3 * hiddenSize));
        BiasHh = AddParameter("bias_hh" + suffix, new Parameter(3 * hiddenSize));
        foreach (var p in new Tensor[] { WeightIh, WeightHh, BiasIh, BiasHh })
        {
            Init.FanIn(p, hiddenSize, random);
        }
    }

    /// <summary>I, values it reads per row.</summary>
    public int InputSize { get; }

    /// <summary>H, its hidden state's width (its output).</summary>
    public int HiddenSize { get; }

    /// <c>weight_ih</c> [3H, I]: the input's weights of the r, z and n gates, stacked.
    public Parameter WeightIh { get; }

    /// <c>weight_hh</c> [3H, H]: the hidden state's weights of the r, z and n gates, stacked.
    public Parameter WeightHh { get; }

    /// <c>bias_ih</c> [3H]: the input side's gate biases.
    public Parameter BiasIh { get; }

    /// <c>bias_hh</c> [3H]: the hidden side's gate biases (n's is scaled by r, as in PyTorch).
    public Parameter BiasHh { get; }

    /// <summary>The next hidden state [B, H] from x [B, I] and h [B, H].</summary>
    public Tensor Forward(Tape tape, Tensor x, Tensor h) =>
        tape.GruCell(x, h, WeightIh, WeightHh, BiasIh, BiasHh, _weightIhT.Get(tape, WeightIh), _weightHhT.Get(tape, WeightHh));
}
