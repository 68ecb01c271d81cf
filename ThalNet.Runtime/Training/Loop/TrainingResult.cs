namespace ThalNet.Runtime.Training;

/// <summary>
/// What a call to Fit did: the epochs it finished (none when a resumed checkpoint had already finished them all),
/// and whether it stopped early because cancellation was requested.
/// </summary>
public sealed record TrainingResult(IReadOnlyList<EpochSummary> Epochs, long GlobalStep, bool Interrupted)
{
    /// <summary>Whether <see cref="TrainerOptions.EarlyStoppingMetric"/> ended the run before its last epoch (in this call or the run it resumed).</summary>
    public bool StoppedEarly { get; init; }
}
