namespace ThalNet.Runtime.Training;

/// <summary>
/// The position a checkpoint resumes at must be one a run can reach: no negative epoch or step, and a batch within
/// this run's epoch (an epoch interrupted after its last batch resumes to finish it; one beyond would skip data).
/// </summary>
internal static class CheckpointPositionChecks
{
    public static void AddProblems(CheckpointMetadata metadata, ITrainingTask task, List<string> problems)
    {
        var epoch = metadata.Int("epoch");
        if (epoch < 0)
        {
            problems.Add($"its metadata entry 'epoch' = {epoch} is negative");
        }

        var batch = metadata.Int("batch_in_epoch");
        if (batch < 0 || batch > task.BatchesPerEpoch)
        {
            problems.Add($"its metadata entry 'batch_in_epoch' = {batch} is outside this run's epoch of {task.BatchesPerEpoch} batches (0 to {task.BatchesPerEpoch})");
        }

        foreach (var key in (string[])["global_step", "optimizer_step"])
        {
            if (metadata.Long(key) is var value and < 0)
            {
                problems.Add($"its metadata entry '{key}' = {value} is negative");
            }
        }

        if (metadata.Double("epoch_seconds") is var seconds && !(double.IsFinite(seconds) && seconds >= 0))
        {
            problems.Add($"its metadata entry 'epoch_seconds' = {seconds} is not a finite, non-negative time");
        }

        // Parsed here so a malformed state is reported before anything is restored.
        _ = metadata.RandomState("rng_state");
        _ = metadata.RandomState("epoch_rng_state");
    }
}
