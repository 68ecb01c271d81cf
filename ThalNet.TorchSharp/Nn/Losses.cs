namespace ThalNet.TorchSharp.Nn;

/// <summary>The spec's losses, as the engine computes them.</summary>
public static class Losses
{
    /// <summary>
    /// Mean cross-entropy of <paramref name="logits"/> [B, N] (or [T, B, N] for outputs trained at every step)
    /// against class indices <paramref name="targets"/> [B] (or [T, B]), as int64.
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = torch.NewDisposeScope();
        var classes = logits.shape[^1];
        var loss = nn.functional.cross_entropy(logits.reshape(-1, classes), targets.reshape(-1).to(int64));
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>Mean squared error over every element, PyTorch's mse_loss.</summary>
    public static Tensor Mse(Tensor predictions, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        return nn.functional.mse_loss(predictions, targets);
    }
}
