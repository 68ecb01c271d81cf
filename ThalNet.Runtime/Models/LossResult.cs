namespace ThalNet.Runtime.Models;

/// <summary>
/// The losses of one batch: <see cref="Total"/> is the weighted sum that training differentiates; per output, the
/// mean cross-entropy (nats) and the logits: [B, size] after the last step, or [T, B, size] for `at: every`.
/// </summary>
public sealed class LossResult
{
    public LossResult(int outputs)
    {
        PerOutput = new Tensor[outputs];
        Logits = new Tensor[outputs];
        Computed = new bool[outputs];
    }

    public Tensor Total { get; internal set; } = null!;

    public Tensor[] PerOutput { get; }

    public Tensor[] Logits { get; }

    /// <summary>
    /// Per output, whether this result holds its loss and logits: always, except on a worker of a module-parallel pass
    /// whose modules do not include the output's (its entries are then unset and its <see cref="Total"/> leaves it out).
    /// </summary>
    public bool[] Computed { get; }
}
