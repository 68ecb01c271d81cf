namespace ThalNet.Runtime.Nn;

/// <summary>
/// A multi-layer GRU (PyTorch's nn.GRU with batch-first inputs): parameters weight_ih_l{k}, weight_hh_l{k},
/// bias_ih_l{k}, bias_hh_l{k}; each layer's output sequence is the next layer's input. The paper's baseline.
/// </summary>
public sealed class StackedGru : Module
{
    private readonly GruCell[] _layers;

    /// <summary>A stack of GRU layers, each initialised U(±1/√H) from <paramref name="random"/>.</summary>
    /// <param name="inputSize">Values the first layer reads per row.</param>
    /// <param name="hiddenSize">H, every layer's hidden width.</param>
    /// <param name="numLayers">The number of layers, at least 1.</param>
    /// <param name="random">The generator the initial weights are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="numLayers"/> or a size is below
    /// 1.</exception>
    public StackedGru(int inputSize, int hiddenSize, int numLayers, RandomSource random)
    {
        if (numLayers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numLayers), $"A stacked GRU needs at least one layer; got {numLayers}.");
        }

        HiddenSize = hiddenSize;
        _layers = new GruCell[numLayers];
        for (var k = 0; k < numLayers; k++)
        {
            _layers[k] = new GruCell(k == 0 ? inputSize : hiddenSize, hiddenSize, random, "_l" + k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (name, p) in _layers[k].NamedParameters())
            {
                AddParameter(name, p);
            }
        }
    }

    /// <summary>H, every layer's hidden width (the output).</summary>
    public int HiddenSize { get; }

    /// <summary>The number of layers.</summary>
    public int NumLayers => _layers.Length;

    /// <summary>The layers, first (reading the input) first.</summary>
    public IReadOnlyList<GruCell> Layers => _layers;

    /// <summary>One time step through all layers; <paramref name="states"/> holds each layer's hidden state and is updated in place.</summary>
    public Tensor Step(Tape tape, Tensor x, Span<Tensor> states)
    {
        if (states.Length != _layers.Length)
        {
            throw new ArgumentException($"StackedGru.Step needs {_layers.Length} states; got {states.Length}.", nameof(states));
        }

        var input = x;
        for (var k = 0; k < _layers.Length; k++)
        {
            states[k] = _layers[k].Forward(tape, input, states[k]);
            input = states[k];
        }

        return input;
    }
}
