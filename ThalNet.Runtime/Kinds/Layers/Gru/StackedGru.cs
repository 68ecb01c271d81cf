namespace ThalNet.Runtime.Nn;

/// <summary>
/// A multi-layer GRU (PyTorch's nn.GRU with batch-first inputs): parameters weight_ih_l{k}, weight_hh_l{k},
/// bias_ih_l{k}, bias_hh_l{k}; each layer's output sequence is the next layer's input. The paper's baseline.
/// </summary>
public sealed class StackedGru : Module
{
    private readonly GruCell[] _layers;

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

    public int HiddenSize { get; }

    public int NumLayers => _layers.Length;

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
