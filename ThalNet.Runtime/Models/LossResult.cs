namespace ThalNet.Runtime.Models;

/// <summary>
/// The losses of one batch: <see cref="Total"/> is the weighted sum that training differentiates; per output, the
/// mean cross-entropy (nats) and the logits: [B, size] after the last step, or [T, B, size] for `at: every`.
/// </summary>
public sealed class LossResult
{
    /// <summary>An empty result for a model with <paramref name="outputs"/> outputs.</summary>
    /// <param name="outputs">The number of outputs.</param>
    public LossResult(int outputs)
    {
        PerOutput = new Tensor[outputs];
        Logits = new Tensor[outputs];
        Computed = new bool[outputs];
    }

    /// <summary>The weighted sum of the outputs' losses: the scalar to differentiate.</summary>
    public Tensor Total { get; internal set; } = null!;

    /// <summary>Each output's mean loss (a scalar), in <see cref="SequenceInfo.Outputs"/> order.</summary>
    public Tensor[] PerOutput { get; }

    /// <summary>
    /// Each output's logits, in <see cref="SequenceInfo.Outputs"/> order: [B, size] after the last step, or [T, B,
    /// size] for <c>at: every</c>.
    /// </summary>
    public Tensor[] Logits { get; }

    /// <summary>
    /// Per output, whether this result holds its loss and logits: always, except on a worker of a module-parallel pass
    /// whose modules do not include the output's (its entries are then unset and its <see cref="Total"/> leaves it out).
    /// </summary>
    public bool[] Computed { get; }
}
