using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Models;

/// <summary>
/// A model that steps through sequences and is trained on its outputs' losses: what the trainer, checkpoints and
/// evaluation work on. Compiled ThalNet models (<see cref="ThalNetModel"/>) and the stacked-GRU baseline
/// (<see cref="GruBaseline"/>) are its two kinds. Subclasses supply <see cref="Info"/>, the state and
/// <see cref="StepCore"/>; this class runs whole sequences and computes the losses.
/// </summary>
public abstract class SequenceModel : Module
{
    private Tensor[] _stepInputs = [];
    private Tensor?[] _stepOutputs = [];
    private Tensor[][] _everyStepLogits = [];
    private ModelState? _scratchState;

    public abstract SequenceInfo Info { get; }

    /// <summary>Names of the recurrent state tensors, in the order <see cref="InitializeState"/> fills them.</summary>
    public abstract IReadOnlyList<string> StateNames { get; }

    /// <summary>A new zero state for a sequence of <paramref name="batch"/> examples.</summary>
    public ModelState CreateState(Tape tape, int batch)
    {
        var state = new ModelState(StateNames, new Tensor[StateNames.Count]);
        InitializeState(tape, batch, state.Values);
        return state;
    }

    /// <summary>Writes the zero state, as tape tensors.</summary>
    protected abstract void InitializeState(Tape tape, int batch, Span<Tensor> values);

    /// <summary>
    /// Runs the whole sequence in <paramref name="batch"/> and returns the losses (scaled by <paramref name="scale"/>,
    /// which data-parallel workers use to weight their share). <paramref name="state"/> carries truncated-BPTT state
    /// in and out; null starts from zeros.
    /// </summary>
    public LossResult ComputeLoss(Tape tape, SequenceBatch batch, ModelState? state = null, float scale = 1f, LossResult? result = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var info = Info;
        if (state is null)
        {
            _scratchState ??= new ModelState(StateNames, new Tensor[StateNames.Count]);
            InitializeState(tape, batch.Batch, _scratchState.Values);
            state = _scratchState;
        }

        result ??= new LossResult(info.Outputs.Count);
        RunSequence(tape, batch.Dense, batch.Tokens, batch.Steps, batch.Batch, state, result.Logits);
        Tensor? total = null;
        for (var o = 0; o < info.Outputs.Count; o++)
        {
            var output = info.Outputs[o];
            var loss = OutputLoss.Compute(tape, output.Loss, result.Logits[o], batch, o, scale);
            result.PerOutput[o] = loss;
            var weighted = output.Weight == 1f ? loss : tape.Scale(loss, output.Weight);
            total = total is null ? weighted : tape.Add(total, weighted);
        }

        result.Total = total ?? throw new InvalidOperationException($"Model '{info.Name}' has no outputs.");
        return result;
    }

    /// <summary>
    /// Runs <paramref name="steps"/> input steps of <paramref name="batch"/> sequences from <paramref name="state"/>
    /// (updated in place) and writes every output's logits, in <see cref="SequenceInfo.Outputs"/> order: [T, B, size]
    /// for an `at: every` output, [B, size] after the last step for an `at: last` one. The inputs, indexed like
    /// <see cref="SequenceInfo.Inputs"/>, are checked against the spec first (<see cref="InputChecks.Sequence"/>).
    /// </summary>
    /// <param name="tape">Records the operations.</param>
    /// <param name="dense">Per input, its dense values [T, B, width], or null for a token input.</param>
    /// <param name="tokens">Per input, its tokens [T * B], or null for a dense input.</param>
    /// <param name="steps">T.</param>
    /// <param name="batch">B.</param>
    /// <param name="state">The state to start from; updated in place.</param>
    /// <param name="logits">Receives one tensor per output.</param>
    protected void RunSequence(Tape tape, ReadOnlySpan<Tensor?> dense, ReadOnlySpan<int[]?> tokens, int steps, int batch, ModelState state, Span<Tensor> logits)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(state);
        var info = Info;
        InputChecks.Sequence(info, dense, tokens, steps, batch);
        EnsureBuffers(info, steps);
        for (var t = 0; t < steps; t++)
        {
            PrepareInputs(tape, dense, tokens, batch, t);
            StepCore(tape, _stepInputs, state, t == steps - 1, _stepOutputs);
            for (var o = 0; o < info.Outputs.Count; o++)
            {
                if (info.Outputs[o].EveryStep)
                {
                    _everyStepLogits[o][t] = _stepOutputs[o]!;
                }
            }
        }

        for (var o = 0; o < info.Outputs.Count; o++)
        {
            var output = info.Outputs[o];
            logits[o] = output.EveryStep
                ? tape.Reshape(tape.Concat(0, _everyStepLogits[o]), Shape.Of(steps, batch, output.Size))
                : _stepOutputs[o] ?? throw new InvalidOperationException($"Output '{output.Name}' was not computed at the last step.");
        }
    }

    /// <summary>
    /// One input step through every sub-step and module. <paramref name="inputs"/> holds this step's input
    /// tensors [B, width] in <see cref="SequenceInfo.Inputs"/> order; heads whose output is due (every step, or
    /// <paramref name="lastStep"/>) write their logits into <paramref name="outputs"/>.
    /// </summary>
    protected abstract void StepCore(Tape tape, ReadOnlySpan<Tensor> inputs, ModelState state, bool lastStep, Span<Tensor?> outputs);

    private void EnsureBuffers(SequenceInfo info, int steps)
    {
        if (_stepInputs.Length != info.Inputs.Count)
        {
            _stepInputs = new Tensor[info.Inputs.Count];
            _stepOutputs = new Tensor?[info.Outputs.Count];
            _everyStepLogits = new Tensor[info.Outputs.Count][];
        }

        Array.Clear(_stepOutputs);
        for (var o = 0; o < info.Outputs.Count; o++)
        {
            if (info.Outputs[o].EveryStep && (_everyStepLogits[o] is null || _everyStepLogits[o].Length != steps))
            {
                _everyStepLogits[o] = new Tensor[steps];
            }
        }
    }

    private void PrepareInputs(Tape tape, ReadOnlySpan<Tensor?> dense, ReadOnlySpan<int[]?> tokens, int batch, int t)
    {
        var inputs = Info.Inputs;
        for (var i = 0; i < inputs.Count; i++)
        {
            _stepInputs[i] = inputs[i].IsTokens
                ? tape.OneHot(tokens[i].AsSpan(t * batch, batch), inputs[i].Width)
                : tape.Select(dense[i]!, t);
        }
    }
}
