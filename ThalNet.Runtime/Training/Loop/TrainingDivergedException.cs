namespace ThalNet.Runtime.Training;

/// <summary>
/// Training produced a NaN or infinite loss, gradient or parameter and stopped before the optimizer spread it; the
/// last checkpoint written is the last good one. The message names the step, the batch and the first non-finite
/// value. <see cref="TrainerOptions.AllowNonFinite"/> keeps training instead.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <param name="step">The optimizer step at which the non-finite value appeared.</param>
    /// <param name="epoch">The epoch it happened in.</param>
    /// <param name="batch">The batch within the epoch.</param>
    /// <param name="what">The first non-finite value: which loss, output, gradient or parameter.</param>
    /// <param name="lastGoodCheckpoint">The checkpoint that holds the state before the divergence, when there is one.</param>
    public TrainingDivergedException(long step, int epoch, int batch, string what, string? lastGoodCheckpoint)
        : base($"training diverged at step {step} (epoch {epoch}, batch {batch}): {what}. "
            + "Lower the learning rate or clip the gradients, and check the data for NaN or infinite values"
            + (lastGoodCheckpoint is null ? "." : $"; the checkpoint '{lastGoodCheckpoint}' still holds the last good state."))
    {
        Step = step;
        Epoch = epoch;
        Batch = batch;
    }

    /// <summary>The global step (1-based) whose loss, gradients or update were not finite.</summary>
    public long Step { get; }

    /// <summary>1-based.</summary>
    public int Epoch { get; }

    /// <summary>The batch within the epoch, 1-based.</summary>
    public int Batch { get; }
}
