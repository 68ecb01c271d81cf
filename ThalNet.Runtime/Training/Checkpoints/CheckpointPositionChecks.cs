using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// The position a checkpoint resumes at must be one a run can reach: no negative epoch or step, and a batch within
/// this run's epoch (an epoch interrupted after its last batch resumes to finish it; one beyond would skip data), and
/// the interrupted epoch's tallies and the metrics log's unwritten window in range.
/// </summary>
internal static class CheckpointPositionChecks
{
    public static void AddProblems(CheckpointMetadata metadata, ITrainingTask task, SequenceInfo info, List<string> problems)
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

        foreach (var output in info.Outputs)
        {
            EpochCounters(metadata, $"{Checkpoint.EpochTallyPrefix}{output.Name}.", problems);
        }

        if (metadata.TryGet(Checkpoint.WindowBatchesKey, out _))
        {
            var window = metadata.Int(Checkpoint.WindowBatchesKey);
            if (window < 0 || window > Math.Max(batch, 0))
            {
                problems.Add($"its metadata entry '{Checkpoint.WindowBatchesKey}' = {window} is outside 0 to the {Math.Max(batch, 0)} batches of the epoch so far");
            }
            else if (window > 0)
            {
                foreach (var output in info.Outputs)
                {
                    EpochCounters(metadata, $"{Checkpoint.WindowTallyPrefix}{output.Name}.", problems);
                }
            }
        }

        // Parsed here so a malformed state is reported before anything is restored.
        _ = metadata.RandomState("rng_state");
        _ = metadata.RandomState("epoch_rng_state");
    }

    /// <summary>The tallies of one output (the epoch's or the window's): counts of at least 0, no more correct than predicted, a finite loss sum.</summary>
    private static void EpochCounters(CheckpointMetadata metadata, string prefix, List<string> problems)
    {
        var predictions = metadata.Long(prefix + "predictions");
        var correct = metadata.Long(prefix + "correct");
        var lossSum = metadata.Double(prefix + "loss_sum");
        if (predictions < 0)
        {
            problems.Add($"its metadata entry '{prefix}predictions' = {predictions} is negative");
        }

        if (correct < 0 || correct > Math.Max(predictions, 0))
        {
            problems.Add($"its metadata entry '{prefix}correct' = {correct} is outside 0 to its {Math.Max(predictions, 0)} predictions");
        }

        if (!double.IsFinite(lossSum))
        {
            problems.Add($"its metadata entry '{prefix}loss_sum' = {lossSum.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not finite");
        }
    }
}
