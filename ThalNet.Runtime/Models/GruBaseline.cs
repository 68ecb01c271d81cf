using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Models;

/// <summary>
/// The paper's baseline: a stacked GRU (PyTorch nn.GRU parameter names under <c>gru.</c>) over the concatenated task
/// inputs, with one linear head per output on the top layer: the other kind of <see cref="SequenceModel"/>, so it runs
/// through the same losses, trainer and checkpoints as a compiled ThalNet.
/// </summary>
public sealed class GruBaseline : SequenceModel
{
    private readonly StackedGru _gru;
    private readonly Linear[] _heads;
    private readonly string[] _stateNames;
    private readonly Tensor[] _states;

    /// <summary>A stacked GRU over the task inputs with one linear head per output, initialised from <paramref
    /// name="random"/>.</summary>
    /// <param name="name">The model's name, for reports and checkpoints.</param>
    /// <param name="inputs">The task inputs, concatenated per step in this order.</param>
    /// <param name="hiddenSize">H, every GRU layer's width.</param>
    /// <param name="layers">The number of GRU layers.</param>
    /// <param name="outputs">The outputs; each gets a linear head [size, H] on the top layer.</param>
    /// <param name="random">The generator the initial weights are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size or the layer count is below 1.</exception>
    public GruBaseline(string name, IReadOnlyList<InputInfo> inputs, int hiddenSize, int layers, IReadOnlyList<OutputInfo> outputs, RandomSource random)
    {
        Info = new SequenceInfo(name, inputs, [.. outputs.Select(o => o with { Module = "gru" })]);
        _gru = AddModule("gru", new StackedGru(inputs.Sum(i => i.Width), hiddenSize, layers, random));
        _heads = [.. outputs.Select(o => AddModule(o.Name, new Linear(hiddenSize, o.Size, random)))];
        _stateNames = [.. Enumerable.Range(0, layers).Select(l => $"gru.h_l{l}")];
        _states = new Tensor[layers];
    }

    /// <summary>The largest hidden size whose parameter count stays within <paramref name="budget"/>.</summary>
    public static int HiddenSizeForBudget(int inputWidth, int layers, IEnumerable<int> outputSizes, int budget)
    {
        var sizes = outputSizes.ToArray();
        var hidden = 1;
        while (CountParameters(inputWidth, hidden + 1, layers, sizes) <= budget)
        {
            hidden++;
        }

        return hidden;
    }

    /// <summary>The parameter count of a baseline with these sizes, as its constructor would build it.</summary>
    /// <param name="inputWidth">The summed width of the task inputs.</param>
    /// <param name="hidden">H, every layer's width.</param>
    /// <param name="layers">The number of GRU layers.</param>
    /// <param name="outputSizes">Each output's size.</param>
    public static int CountParameters(int inputWidth, int hidden, int layers, IReadOnlyList<int> outputSizes)
    {
        var count = 3 * hidden * (inputWidth + hidden + 2);
        count += (layers - 1) * 3 * hidden * ((2 * hidden) + 2);
        foreach (var size in outputSizes)
        {
            count += (size * hidden) + size;
        }

        return count;
    }

    /// <summary>Its inputs and outputs (every output attributed to the module <c>gru</c>).</summary>
    public override SequenceInfo Info { get; }

    /// <summary>One hidden state per layer: <c>gru.h_l0</c>, <c>gru.h_l1</c>, ...</summary>
    public override IReadOnlyList<string> StateNames => _stateNames;

    /// <summary>Sets every layer's hidden state to zeros [batch, H].</summary>
    protected override void InitializeState(Tape tape, int batch, Span<Tensor> values)
    {
        for (var l = 0; l < values.Length; l++)
        {
            values[l] = tape.Zeros(Shape.Of(batch, _gru.HiddenSize));
        }
    }

    /// <summary>
    /// One step through every GRU layer, then the heads that are due (every step, or the last for <c>at: last</c>
    /// outputs).
    /// </summary>
    protected override void StepCore(Tape tape, ReadOnlySpan<Tensor> inputs, ModelState state, bool lastStep, Span<Tensor?> outputs)
    {
        var x = inputs.Length == 1 ? inputs[0] : tape.Concat(1, inputs);
        state.Values.CopyTo(_states, 0);
        var top = _gru.Step(tape, x, _states);
        _states.CopyTo(state.Values, 0);
        for (var o = 0; o < _heads.Length; o++)
        {
            if (lastStep || Info.Outputs[o].EveryStep)
            {
                outputs[o] = _heads[o].Forward(tape, top);
            }
        }
    }
}
