namespace ThalNet.Runtime.Models;

/// <summary>
/// One batch of sequences, time-major: dense inputs [T, B, W], token inputs and class targets as int arrays laid
/// out [T, B] (targets of `at: last` outputs are [B]), dense targets as tensors [T, B, size] (or [B, size]). Index order follows <see cref="SequenceInfo.Inputs"/> and
/// <see cref="SequenceInfo.Outputs"/>. Buffers are allocated once and refilled every batch.
/// </summary>
public sealed class SequenceBatch
{
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

    public SequenceInfo Info { get; }

    public int Steps { get; }

    public int Batch { get; }

    public Tensor?[] Dense { get; }

    public int[]?[] Tokens { get; }

    /// <summary>Class-index targets of outputs whose loss takes them (cross-entropy); empty for the others.</summary>
    public int[][] Targets { get; }

    /// <summary>Dense float targets of outputs whose loss takes them (mse): [T, B, size] for `at: every`, else [B, size]; null for the others.</summary>
    public Tensor?[] DenseTargets { get; }
}
