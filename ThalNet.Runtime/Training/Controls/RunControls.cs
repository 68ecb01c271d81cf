using System.Globalization;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Early stopping and keep-best at each epoch end: reads their metrics from the epoch's summary, updates what
/// <see cref="RunControlState"/> remembers, and says whether to write the best checkpoint and whether to stop.
/// </summary>
internal sealed class RunControls
{
    private readonly TrainerOptions _options;
    private readonly MetricName? _earlyStopping;
    private readonly MetricName? _keepBest;

    /// <exception cref="TrainerOptionsException">A metric name does not fit the model.</exception>
    public RunControls(TrainerOptions options, SequenceInfo info)
    {
        _options = options;
        var problems = new List<TrainerOptionProblem>();
        _earlyStopping = Parse(options.EarlyStoppingMetric, nameof(TrainerOptions.EarlyStoppingMetric), info, problems);
        _keepBest = Parse(options.KeepBestMetric, nameof(TrainerOptions.KeepBestMetric), info, problems);
        if (problems.Count > 0)
        {
            throw new TrainerOptionsException(problems);
        }
    }

    /// <summary>Updates <paramref name="state"/> with epoch <paramref name="summary"/>; returns whether it is the best so far for keep-best, and the notes to print.</summary>
    public (bool SaveBest, IReadOnlyList<string> Notes) AtEpochEnd(EpochSummary summary, RunControlState state)
    {
        var notes = new List<string>();
        var saveBest = false;
        if (_keepBest is { } keep)
        {
            var value = keep.ValueIn(summary);
            saveBest = state.KeepBest.Update(value, summary.Epoch, keep.HigherIsBetter, minDelta: 0);
            if (saveBest)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"Best {keep} so far ({value:G6}); checkpoint written to '{_options.BestCheckpointFile}'."));
            }
        }

        if (_earlyStopping is { } early)
        {
            var value = early.ValueIn(summary);
            state.EarlyStopping.Update(value, summary.Epoch, early.HigherIsBetter, _options.EarlyStoppingMinDelta);
            if (state.EarlyStopping.EpochsSinceBest >= _options.EarlyStoppingPatience && summary.Epoch < _options.Epochs)
            {
                state.StoppedEarly = true;
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"Stopped early after epoch {summary.Epoch}: {early} has not improved for {state.EarlyStopping.EpochsSinceBest} epoch(s) (best {state.EarlyStopping.Best:G6} at epoch {state.EarlyStopping.BestEpoch})."));
            }
        }

        return (saveBest, notes);
    }

    private static MetricName? Parse(string? text, string property, SequenceInfo info, List<TrainerOptionProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return MetricName.Parse(text, info);
        }
        catch (ArgumentException e)
        {
            problems.Add(new(property, "does not fit the model: " + e.Message.Split(" (Parameter", 2)[0]));
            return null;
        }
    }
}
