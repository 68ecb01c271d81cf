namespace ThalNet.Runtime.Models;

/// <summary>
/// One batch of sequences, time-major: dense inputs [T, B, W], token inputs and class targets as int arrays laid
/// out [T, B] (targets of `at: last` outputs are [B]), dense targets as tensors [T, B, size] (or [B, size]). Index order follows <see cref="SequenceInfo.Inputs"/> and
/// <see cref="SequenceInfo.Outputs"/>. Buffers are allocated once and refilled every batch.
/// </summary>
public sealed class SequenceBatch
{
    /// <summary>Buffers for <paramref name="batch"/> sequences of <paramref name="steps"/> steps of a model with
    /// <paramref name="info"/>'s inputs and outputs, zero-filled.</summary>
    /// <param name="info">The model's inputs and outputs.</param>
    /// <param name="steps">T, steps per sequence.</param>
    /// <param name="batch">B, sequences per batch.</param>
    public SequenceBatch(SequenceInfo info, int steps, int batch)
    {
        Info = info;
        Steps = steps;
        Batch = batch;
        Dense = new Tensor?[info.Inputs.Count];
        Tokens = new int[]?[info.Inputs.Count];
        for (var i = 0; i < info.Inputs.Count; i++)
        {
            var input = info.Inputs[i];
            if (input.IsTokens)
            {
                Tokens[i] = new int[steps * batch];
            }
            else
            {
                Dense[i] = new Tensor(Shape.Of(steps, batch, input.Width));
            }
        }

        Targets = new int[info.Outputs.Count][];
        DenseTargets = new Tensor?[info.Outputs.Count];
        for (var o = 0; o < info.Outputs.Count; o++)
        {
            var output = info.Outputs[o];
            if (Catalog.Loss(output.Loss).Targets == TargetKind.Dense)
            {
                Targets[o] = [];
                DenseTargets[o] = new Tensor(output.EveryStep ? Shape.Of(steps, batch, output.Size) : Shape.Of(batch, output.Size));
            }
            else
            {
                Targets[o] = new int[output.EveryStep ? steps * batch : batch];
            }
        }
    }

    /// <summary>The inputs and outputs the buffers are laid out for.</summary>
    public SequenceInfo Info { get; }

    /// <summary>T, steps per sequence.</summary>
    public int Steps { get; }

    /// <summary>B, sequences per batch.</summary>
    public int Batch { get; }

    /// <summary>
    /// Per input (in <see cref="SequenceInfo.Inputs"/> order): the dense values [T, B, width], or null for a token
    /// input.
    /// </summary>
    public Tensor?[] Dense { get; }

    /// <summary>
    /// Per input: the token indices [T * B], time-major (step t of sequence b at t * B + b), or null for a dense input.
    /// </summary>
    public int[]?[] Tokens { get; }

    /// <summary>Class-index targets of outputs whose loss takes them (cross-entropy); empty for the others.</summary>
    public int[][] Targets { get; }

    /// <summary>Dense float targets of outputs whose loss takes them (mse): [T, B, size] for `at: every`, else [B, size]; null for the others.</summary>
    public Tensor?[] DenseTargets { get; }
}
