using System.Globalization;

namespace ThalNet.Runtime.Training;

public sealed partial record TrainerOptions
{
    /// <summary>
    /// How the learning rate changes from epoch to epoch (<see cref="LearningRateSchedule.Step"/>,
    /// <see cref="LearningRateSchedule.Exponential"/>, <see cref="LearningRateSchedule.Cosine"/>); null keeps it
    /// constant, or follows <see cref="CosineDecayTo"/> when that is set (not both).
    /// </summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>
    /// Optimizer steps of linear warm-up: step s (1-based, counted over the whole run) of the first ones trains at
    /// s / <see cref="WarmupSteps"/> of the scheduled learning rate; 0 has none.
    /// </summary>
    public int WarmupSteps { get; init; }

    /// <summary>
    /// Stops training when this metric (<see cref="MetricName"/>, e.g. <c>test/digit/accuracy</c>) has not improved
    /// by more than <see cref="EarlyStoppingMinDelta"/> for <see cref="EarlyStoppingPatience"/> epoch ends; null trains every epoch.
    /// The best value so far travels in the checkpoint, so a resumed run stops where an uninterrupted one would.
    /// </summary>
    public string? EarlyStoppingMetric { get; init; }

    /// <summary>Epoch ends without improvement of <see cref="EarlyStoppingMetric"/> before training stops; at least 1.</summary>
    public int EarlyStoppingPatience { get; init; } = 5;

    /// <summary>How much <see cref="EarlyStoppingMetric"/> must improve on its best to count as an improvement; 0 or more.</summary>
    public double EarlyStoppingMinDelta { get; init; }

    /// <summary>
    /// Writes a second checkpoint (<see cref="BestCheckpointFile"/>) at every epoch end where this metric
    /// (<see cref="MetricName"/>, e.g. <c>test/digit/accuracy</c>) is the best so far; null keeps only the last.
    /// </summary>
    public string? KeepBestMetric { get; init; }

    /// <summary>Where <see cref="KeepBestMetric"/> writes; null puts it beside <see cref="CheckpointPath"/> as <c>NAME.best.EXT</c>.</summary>
    public string? BestCheckpointPath { get; init; }

    /// <summary>
    /// A TensorBoard log folder: each run (and each resumption) adds an event file with the metrics log's values as
    /// scalars tagged <c>SPLIT/OUTPUT/METRIC</c>, the learning rate, samples per second and, at every evaluation, a
    /// histogram of each module's reading weights; null writes none.
    /// </summary>
    public string? TensorBoardPath { get; init; }

    /// <summary>The file the best checkpoint goes to: <see cref="BestCheckpointPath"/>, else derived from <see cref="CheckpointPath"/>; null when neither is set.</summary>
    public string? BestCheckpointFile => BestCheckpointPath ?? (CheckpointPath is { } path
        ? Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, Path.GetFileNameWithoutExtension(path) + ".best" + Path.GetExtension(path))
        : null);

    /// <summary>
    /// The learning rate of optimizer step <paramref name="step"/> (1-based, over the whole run) in epoch
    /// <paramref name="epoch"/>: the epoch's scheduled rate, scaled down linearly during <see cref="WarmupSteps"/>.
    /// </summary>
    public float LearningRateAt(int epoch, long step)
    {
        var rate = LearningRateAt(epoch);
        return WarmupSteps > 0 && step < WarmupSteps ? (float)((double)rate * step / WarmupSteps) : rate;
    }

    private LearningRateSchedule? EffectiveSchedule => Schedule ?? (CosineDecayTo is { } fraction ? new CosineSchedule(fraction) : null);

    private void AddRunControlProblems(List<TrainerOptionProblem> problems)
    {
        if (Schedule?.Problem() is { } schedule)
        {
            problems.Add(new(nameof(Schedule), schedule));
        }

        if (Schedule is not null && CosineDecayTo is not null)
        {
            problems.Add(new(nameof(Schedule), "and CosineDecayTo both set the schedule; give one (LearningRateSchedule.Cosine is the same as CosineDecayTo)"));
        }

        AtLeast(problems, nameof(WarmupSteps), WarmupSteps, 0);
        AtLeast(problems, nameof(EarlyStoppingPatience), EarlyStoppingPatience, 1);
        if (!(EarlyStoppingMinDelta >= 0 && double.IsFinite(EarlyStoppingMinDelta)))
        {
            problems.Add(new(nameof(EarlyStoppingMinDelta), $"must be 0 or more, got {EarlyStoppingMinDelta.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (KeepBestMetric is not null && BestCheckpointFile is null)
        {
            problems.Add(new(nameof(KeepBestMetric), "needs a file for the best checkpoint", Needs: nameof(CheckpointPath)));
        }

        if (KeepBestMetric is not null && BestCheckpointFile is { } best && CheckpointPath is { } last && Path.GetFullPath(best) == Path.GetFullPath(last))
        {
            problems.Add(new(nameof(BestCheckpointPath), $"is the last checkpoint's path '{last}'; give the best one its own file"));
        }

        if (KeepBestMetric is not null)
        {
            OutputFile(problems, nameof(BestCheckpointPath), BestCheckpointFile);
        }

        if (TensorBoardPath is { } board && File.Exists(board))
        {
            problems.Add(new(nameof(TensorBoardPath), $"'{board}' is a file; give a folder for the event files"));
        }
    }
}
