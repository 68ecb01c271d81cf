using System.Diagnostics;
using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// One run of epochs over a task: optimizer steps, metrics, progress, checkpoints at every epoch end and on
/// cancellation. Everything a step touches is allocated up front, so a steady-state engine step allocates nothing.
/// </summary>
internal sealed class TrainingLoop
{
    private readonly ITrainingBackend _backend;
    private readonly TrainerOptions _options;
    private readonly RandomSource _random;
    private readonly ITrainingTask _task;
    private readonly TrainingPosition _position;
    private readonly MetricsWriter? _log;
    private readonly IProgressView _view;
    private readonly Action<TrainingStep> _onStep;
    private readonly OutputTally _batch;
    private readonly DivergenceGuard? _divergence;
    private readonly RunControls _controls;
    private long _windowStart;

    /// <summary>Where the checkpoint file on disk stands (resumed from or last written), for the message of a failed write.</summary>
    private string? _lastCheckpoint;

    public TrainingLoop(ITrainingBackend backend, TrainerOptions options, RandomSource random, ITrainingTask task, TrainingPosition position, MetricsWriter? log, IProgressView view, Action<TrainingStep> onStep)
    {
        _backend = backend;
        _options = options;
        _random = random;
        _task = task;
        _position = position;
        _log = log;
        _view = view;
        _onStep = onStep;
        _batch = new OutputTally(backend.Info);
        _divergence = options.AllowNonFinite ? null : new DivergenceGuard(backend, options.CheckpointPath);
        _lastCheckpoint = position.GlobalStep > 0 ? PositionText() : null;
        _controls = new RunControls(options, backend.Info);
    }

    /// <summary>The TensorBoard event file that gets every metrics-log event too; null writes none.</summary>
    public TensorBoardLog? Board { get; init; }

    private SequenceInfo Info => _backend.Info;

    public TrainingResult Run(CancellationToken cancellationToken)
    {
        var epochs = new List<EpochSummary>();
        if (_position.Controls.StoppedEarly && _position.Epoch < _options.Epochs)
        {
            _view.WriteLine($"The run stopped early after epoch {_position.Epoch} ({_options.EarlyStoppingMetric} stopped improving); nothing left to train.");
        }

        while (_position.Epoch < _options.Epochs && !_position.Controls.StoppedEarly)
        {
            var epoch = _position.Epoch + 1;
            _backend.LearningRate = _options.LearningRateAt(epoch);
            StartEpoch();
            var cancelled = _view.RunEpoch(epoch, _task.BatchesPerEpoch, _position.BatchInEpoch, () => TrainBatches(epoch, cancellationToken));
            if (cancelled)
            {
                Interrupt(epoch);
                return new TrainingResult(epochs, _position.GlobalStep, Interrupted: true);
            }

            epochs.Add(FinishEpoch(epoch));
        }

        return new TrainingResult(epochs, _position.GlobalStep, Interrupted: false) { StoppedEarly = _position.Controls.StoppedEarly };
    }

    /// <summary>Trains the rest of the epoch's batches; returns true when cancellation stopped it first.</summary>
    private bool TrainBatches(int epoch, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var secondsBefore = _position.EpochSeconds;
        for (var b = _position.BatchInEpoch; b < _task.BatchesPerEpoch; b++)
        {
            Step(epoch, b);
            _position.EpochSeconds = secondsBefore + Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (_view.WantsUpdate())
            {
                _view.Update(b + 1, _position.EpochTally.ToResult(), SamplesPerSecond(b + 1, _position.EpochSeconds));
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return true;
            }
        }

        _view.Update(_task.BatchesPerEpoch, _position.EpochTally.ToResult(), SamplesPerSecond(_task.BatchesPerEpoch, _position.EpochSeconds));
        return false;
    }

    private void StartEpoch()
    {
        _windowStart = Stopwatch.GetTimestamp();
        if (_position.BatchInEpoch == 0)
        {
            _position.WindowTally.Clear();
            _position.WindowBatches = 0;
            _position.EpochRandomState = _random.GetStateBytes();
            _task.ShuffleEpoch(_random);
            _task.ResetEpochState();
            _position.EpochTally.Clear();
            _position.EpochSeconds = 0;
            return;
        }

        // Resuming part-way: draw the interrupted epoch's order again; the generator must end where it had.
        var saved = _random.GetStateBytes();
        _random.RestoreStateBytes(_position.EpochRandomState);
        _task.ShuffleEpoch(_random);
        if (!_random.GetStateBytes().AsSpan().SequenceEqual(saved))
        {
            throw new CheckpointException(_options.CheckpointPath ?? "(none)", "drawing the interrupted epoch's order again does not reproduce the saved generator state, so the training data differ from the run that wrote it", CheckpointMetadata.Remedy);
        }
    }

    private void Step(int epoch, int batch)
    {
        _batch.Clear();
        if (_options.WarmupSteps > 0 && _position.GlobalStep < _options.WarmupSteps)
        {
            _backend.LearningRate = _options.LearningRateAt(epoch, _position.GlobalStep + 1);
        }

        var loss = _task.TrainBatch(batch, _batch);
        _divergence?.CheckBackward(loss, _position.GlobalStep + 1, epoch, batch + 1, _batch);
        if (_options.MaxGradientNorm is { } maxNorm)
        {
            _backend.ClipGradients(maxNorm);
        }

        _backend.Step();
        _divergence?.CheckUpdate(_position.GlobalStep + 1, epoch, batch + 1);
        _position.BatchInEpoch = batch + 1;
        _position.GlobalStep++;
        _position.EpochTally.Add(_batch);
        _position.WindowTally.Add(_batch);
        _position.WindowBatches++;
        _onStep(new TrainingStep(epoch, batch + 1, _position.GlobalStep, loss));
        // The first step is logged too, so that curves start where training does.
        if (_position.GlobalStep % _options.LogEvery == 0 || _position.GlobalStep == 1)
        {
            LogWindow(epoch);
        }
    }

    private EpochSummary FinishEpoch(int epoch)
    {
        LogWindow(epoch);
        var evaluationStart = Stopwatch.GetTimestamp();
        var test = _task.Evaluate();
        var evaluationSeconds = Stopwatch.GetElapsedTime(evaluationStart).TotalSeconds;
        var summary = new EpochSummary(
            epoch,
            _position.GlobalStep,
            _position.EpochTally.ToResult(),
            test,
            _position.EpochSeconds + evaluationSeconds,
            SamplesPerSecond(_task.BatchesPerEpoch, _position.EpochSeconds));
        var (saveBest, notes) = _controls.AtEpochEnd(summary, _position.Controls);
        _position.Epoch++;
        _position.BatchInEpoch = 0;
        SaveCheckpoint();
        if (saveBest)
        {
            Checkpoint.Save(_options.BestCheckpointFile!, _backend, _options.Optimizer, _random, _position, _task);
        }

        if (test is not null)
        {
            _log?.Write(_position.GlobalStep, epoch, "test", test, samplesPerSecond: null);
            Board?.Write(_position.GlobalStep, "test", test, samplesPerSecond: null, learningRate: null);
        }

        Board?.WriteReadingWeights(_position.GlobalStep, _backend.SaveParameters());

        _view.WriteLine(EpochLine.Format(summary, Info));
        foreach (var note in notes)
        {
            _view.WriteLine(note);
        }

        return summary;
    }

    /// <summary>
    /// Saves the checkpoint with the unlogged window in it, so that the resumed run writes the line an uninterrupted
    /// run would have written, averaging the same batches.
    /// </summary>
    private void Interrupt(int epoch)
    {
        SaveCheckpoint();
        _view.WriteLine(_options.CheckpointPath is { } path
            ? $"Stopped at epoch {epoch}, batch {_position.BatchInEpoch} (step {_position.GlobalStep}); checkpoint written to '{path}'. Resume to continue."
            : $"Stopped at epoch {epoch}, batch {_position.BatchInEpoch} (step {_position.GlobalStep}); no checkpoint path was given, so nothing was saved.");
    }

    private void LogWindow(int epoch)
    {
        if (_position.WindowBatches > 0 && (_log is not null || Board is not null))
        {
            var seconds = Stopwatch.GetElapsedTime(_windowStart).TotalSeconds;
            var metrics = _position.WindowTally.ToResult();
            var rate = SamplesPerSecond(_position.WindowBatches, seconds);
            _log?.Write(_position.GlobalStep, epoch, "train", metrics, rate);
            Board?.Write(_position.GlobalStep, "train", metrics, rate, _backend.LearningRate);
        }

        _position.WindowTally.Clear();
        _position.WindowBatches = 0;
        _windowStart = Stopwatch.GetTimestamp();
    }

    private void SaveCheckpoint()
    {
        if (_options.CheckpointPath is not { } path)
        {
            return;
        }

        try
        {
            Checkpoint.Save(path, _backend, _options.Optimizer, _random, _position, _task);
            _lastCheckpoint = PositionText();
        }
        catch (OutputWriteException e)
        {
            var kept = _lastCheckpoint is { } saved
                ? $"the last good checkpoint, '{path}' ({saved}), is intact; free space or choose another --checkpoint and resume from it"
                : File.Exists(path) ? $"the checkpoint there before this run, '{path}', is intact" : "no checkpoint was written";
            throw new OutputWriteException(path, e.Reason, kept, e.InnerException);
        }
    }

    /// <summary>Where training stands, as a failed checkpoint write names the last good one.</summary>
    private string PositionText() => $"epoch {_position.Epoch}, batch {_position.BatchInEpoch}, step {_position.GlobalStep}";

    private double SamplesPerSecond(int batches, double seconds) =>
        seconds > 0 ? (double)batches * _task.SamplesPerBatch / seconds : 0;
}
