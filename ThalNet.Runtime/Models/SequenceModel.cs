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
        var info = Info;
        if (state is null)
        {
            _scratchState ??= new ModelState(StateNames, new Tensor[StateNames.Count]);
            InitializeState(tape, batch.Batch, _scratchState.Values);
            state = _scratchState;
        }

        result ??= new LossResult(info.Outputs.Count);
        EnsureBuffers(info, batch.Steps);
        for (var t = 0; t < batch.Steps; t++)
        {
            PrepareInputs(tape, batch, t);
            var last = t == batch.Steps - 1;
            StepCore(tape, _stepInputs, state, last, _stepOutputs);
            for (var o = 0; o < info.Outputs.Count; o++)
            {
                if (info.Outputs[o].EveryStep)
                {
                    _everyStepLogits[o][t] = _stepOutputs[o]!;
                }
            }
        }

        Tensor? total = null;
        for (var o = 0; o < info.Outputs.Count; o++)
        {
            var output = info.Outputs[o];
            Tensor logits;
            if (output.EveryStep)
            {
                logits = tape.Reshape(tape.Concat(0, _everyStepLogits[o]), Shape.Of(batch.Steps, batch.Batch, output.Size));
            }
            else
            {
                logits = _stepOutputs[o] ?? throw new InvalidOperationException($"Output '{output.Name}' was not computed at the last step.");
            }

            var loss = OutputLoss.Compute(tape, output.Loss, logits, batch, o, scale);
            result.Logits[o] = logits;
            result.PerOutput[o] = loss;
            var weighted = output.Weight == 1f ? loss : tape.Scale(loss, output.Weight);
            total = total is null ? weighted : tape.Add(total, weighted);
        }

        result.Total = total ?? throw new InvalidOperationException($"Model '{info.Name}' has no outputs.");
        return result;
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

    private void PrepareInputs(Tape tape, SequenceBatch batch, int t)
    {
        var inputs = Info.Inputs;
        for (var i = 0; i < inputs.Count; i++)
        {
            _stepInputs[i] = inputs[i].IsTokens
                ? tape.OneHot(batch.Tokens[i].AsSpan(t * batch.Batch, batch.Batch), inputs[i].Width)
                : tape.Select(batch.Dense[i]!, t);
        }
    }
}
