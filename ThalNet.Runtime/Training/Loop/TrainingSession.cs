namespace ThalNet.Runtime.Training;

/// <summary>
/// One training run on any backend: the progress view, stale temporary files beside the checkpoint, resuming from
/// it, rewinding the metrics log to the checkpoint's step, then the epochs (metrics, epoch lines, checkpoints at every
/// epoch end and on cancellation). <see cref="Trainer{TModel}"/> runs the engine through it; another backend passes
/// its own <see cref="ITrainingBackend"/> and <see cref="ITrainingTask"/> and gets the same output and files.
/// </summary>
public static class TrainingSession
{
    /// <summary>
    /// Trains for the remaining epochs of <paramref name="options"/> (all of them, or those after the checkpoint when
    /// resuming). <paramref name="random"/> draws every epoch's data order; a checkpoint saves and restores its state.
    /// Stops after the current batch when <paramref name="cancellationToken"/> is cancelled, writing the checkpoint first.
    /// </summary>
    /// <param name="backend">The model and optimizer to train (the engine's or TorchSharp's), behind one seam.</param>
    /// <param name="task">The data: batches per epoch, how to fill and run them, how to evaluate.</param>
    /// <param name="options">How to train; checked before anything runs.</param>
    /// <param name="random">Draws every epoch's data order; seeded from <see cref="TrainerOptions.Seed"/> by the
    /// caller.</param>
    /// <param name="cancellationToken">Stops training after the current batch, after writing the checkpoint.</param>
    /// <param name="onStep">Called after every optimizer step, on the training thread.</param>
    /// <exception cref="TrainerOptionsException">The options are invalid.</exception>
    public static TrainingResult Run(ITrainingBackend backend, ITrainingTask task, TrainerOptions options, RandomSource random, CancellationToken cancellationToken = default, Action<TrainingStep>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        var view = ProgressViews.Create(options);
        var position = new TrainingPosition(backend.Info);
        if (options.CheckpointPath is { } checkpoint && IO.AtomicFile.RemoveStaleTemporaryFiles(checkpoint) is > 0 and var removed)
        {
            view.WriteLine($"Removed {removed} temporary file(s) left beside '{checkpoint}' by an interrupted write.");
        }

        var resumed = TryResume(backend, task, options, random, position, view);
        if (resumed && options.MetricsPath is { } metrics)
        {
            MetricsRewind.TruncateAfter(metrics, position.GlobalStep);
        }

        using var log = MetricsWriter.Open(options.MetricsPath, append: resumed);
        using var board = TensorBoardLog.Open(options.TensorBoardPath);
        if (resumed)
        {
            board?.Resumed(position.GlobalStep);
        }

        var loop = new TrainingLoop(backend, options, random, task, position, log, view, onStep ?? (_ => { })) { Board = board };
        return loop.Run(cancellationToken);
    }

    private static bool TryResume(ITrainingBackend backend, ITrainingTask task, TrainerOptions options, RandomSource random, TrainingPosition position, IProgressView view)
    {
        if (!options.Resume)
        {
            return false;
        }

        var path = options.CheckpointPath!;
        if (!File.Exists(path))
        {
            view.WriteLine($"No checkpoint at '{path}' yet; starting from the beginning.");
            return false;
        }

        Checkpoint.Load(path, backend, options.Optimizer, random, position, task);
        if (backend.FirstNonFiniteParameter() is { } nonFinite)
        {
            view.WriteLine($"warning: checkpoint '{path}' holds a non-finite parameter, {nonFinite}.");
        }

        view.WriteLine(position.Epoch >= options.Epochs
            ? $"Checkpoint '{path}' has already finished all {options.Epochs} epochs."
            : $"Resuming from '{path}' at epoch {position.Epoch + 1}, batch {position.BatchInEpoch} (step {position.GlobalStep}).");
        return true;
    }
}
