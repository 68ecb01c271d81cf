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
    private RunBuffers?[] _buffers = new RunBuffers?[1];

    /// <summary>The model's name, inputs and outputs, in the order every batch, loss and report uses.</summary>
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
        if (info.Outputs.Count == 0)
        {
            throw new InvalidOperationException($"Model '{info.Name}' has no outputs.");
        }

        if (state is null)
        {
            var buffers = Buffers(tape);
            buffers.ScratchState ??= new ModelState(StateNames, new Tensor[StateNames.Count]);
            InitializeState(tape, batch.Batch, buffers.ScratchState.Values);
            state = buffers.ScratchState;
        }

        result ??= new LossResult(info.Outputs.Count);
        RunSequence(tape, batch.Dense, batch.Tokens, batch.Steps, batch.Batch, state, result.Logits);
        Tensor? total = null;
        for (var o = 0; o < info.Outputs.Count; o++)
        {
            result.Computed[o] = Computes(tape, o);
            if (!result.Computed[o])
            {
                continue;
            }

            var output = info.Outputs[o];
            var loss = OutputLoss.Compute(tape, output.Loss, result.Logits[o], batch, o, scale);
            result.PerOutput[o] = loss;
            var weighted = output.Weight == 1f ? loss : tape.Scale(loss, output.Weight);
            total = total is null ? weighted : tape.Add(total, weighted);
        }

        result.Total = total ?? tape.Zeros(Shape.Scalar); // a worker running no output module: see Tape.Backward
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
        var buffers = Buffers(tape);
        buffers.Ensure(info, steps);
        for (var t = 0; t < steps; t++)
        {
            PrepareInputs(tape, dense, tokens, batch, t, buffers.StepInputs);
            StepCore(tape, buffers.StepInputs, state, t == steps - 1, buffers.StepOutputs);
            for (var o = 0; o < info.Outputs.Count; o++)
            {
                if (info.Outputs[o].EveryStep && Computes(tape, o))
                {
                    buffers.EveryStepLogits[o][t] = buffers.StepOutputs[o]!;
                }
            }
        }

        for (var o = 0; o < info.Outputs.Count; o++)
        {
            var output = info.Outputs[o];
            if (!Computes(tape, o))
            {
                logits[o] = null!; // another worker of a module-parallel pass runs this output's module
                continue;
            }

            logits[o] = output.EveryStep
                ? tape.Reshape(tape.Concat(0, buffers.EveryStepLogits[o]), Shape.Of(steps, batch, output.Size))
                : buffers.StepOutputs[o] ?? throw new InvalidOperationException($"Output '{output.Name}' was not computed at the last step.");
        }
    }

    /// <summary>Whether the worker of <paramref name="tape"/> computes output <paramref name="output"/> (all do, but in a module-parallel pass).</summary>
    private static bool Computes(Tape tape, int output) => tape.Group?.RunsOutput(output) ?? true;

    /// <summary>The step buffers of the tape's worker: module-parallel workers run the same model at once.</summary>
    private RunBuffers Buffers(Tape tape)
    {
        if (tape.Group is not { } group)
        {
            return _buffers[0] ??= new RunBuffers();
        }

        if (_buffers.Length < group.Exchange.Workers)
        {
            Interlocked.CompareExchange(ref _buffers, new RunBuffers?[group.Exchange.Workers], _buffers);
        }

        return _buffers[group.Index] ??= new RunBuffers();
    }

    /// <summary>
    /// One input step through every sub-step and module. <paramref name="inputs"/> holds this step's input
    /// tensors [B, width] in <see cref="SequenceInfo.Inputs"/> order; heads whose output is due (every step, or
    /// <paramref name="lastStep"/>) write their logits into <paramref name="outputs"/>.
    /// </summary>
    protected abstract void StepCore(Tape tape, ReadOnlySpan<Tensor> inputs, ModelState state, bool lastStep, Span<Tensor?> outputs);

    private void PrepareInputs(Tape tape, ReadOnlySpan<Tensor?> dense, ReadOnlySpan<int[]?> tokens, int batch, int t, Tensor[] stepInputs)
    {
        var inputs = Info.Inputs;
        for (var i = 0; i < inputs.Count; i++)
        {
            stepInputs[i] = inputs[i].IsTokens
                ? tape.OneHot(tokens[i].AsSpan(t * batch, batch), inputs[i].Width)
                : tape.Select(dense[i]!, t);
        }
    }

    /// <summary>One worker's per-step inputs and outputs, every-step logits and scratch state, reused from batch to batch.</summary>
    private sealed class RunBuffers
    {
        public Tensor[] StepInputs { get; private set; } = [];

        public Tensor?[] StepOutputs { get; private set; } = [];

        public Tensor[][] EveryStepLogits { get; private set; } = [];

        public ModelState? ScratchState { get; set; }

        public void Ensure(SequenceInfo info, int steps)
        {
            if (StepInputs.Length != info.Inputs.Count || StepOutputs.Length != info.Outputs.Count)
            {
                StepInputs = new Tensor[info.Inputs.Count];
                StepOutputs = new Tensor?[info.Outputs.Count];
                EveryStepLogits = new Tensor[info.Outputs.Count][];
            }

            Array.Clear(StepOutputs);
            for (var o = 0; o < info.Outputs.Count; o++)
            {
                if (info.Outputs[o].EveryStep && (EveryStepLogits[o] is null || EveryStepLogits[o].Length != steps))
                {
                    EveryStepLogits[o] = new Tensor[steps];
                }
            }
        }
    }
}
