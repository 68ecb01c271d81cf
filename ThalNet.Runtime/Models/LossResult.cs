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
    }

    public Tensor Total { get; internal set; } = null!;

    public Tensor[] PerOutput { get; }

    public Tensor[] Logits { get; }
}
