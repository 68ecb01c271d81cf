using ThalNet.Runtime.IO;

namespace ThalNet.Runtime.Training;

/// <summary>
/// What the training loop (<see cref="TrainingSession"/>) needs from a kind of data on a backend: example batches or
/// stream segments, trained and evaluated by the engine (<see cref="Trainer{TModel}"/>) or another backend.
/// </summary>
public interface ITrainingTask
{
    /// <summary>Recorded in checkpoints, so one kind of run cannot resume another.</summary>
    string Kind { get; }

    /// <summary>Rows of every training batch (examples, or streams).</summary>
    int BatchRows { get; }

    /// <summary>Training batches in one epoch.</summary>
    int BatchesPerEpoch { get; }

    /// <summary>What samples per second counts: examples, or predicted tokens.</summary>
    int SamplesPerBatch { get; }

    /// <summary>Draws the epoch's order from <paramref name="random"/>; calling it again from the same state gives the same order.</summary>
    void ShuffleEpoch(RandomSource random);

    /// <summary>Starts a fresh epoch's carried state (not when resuming part-way through one).</summary>
    void ResetEpochState();

    /// <summary>
    /// Forward and backward for batch <paramref name="batch"/> of the epoch, leaving fresh gradients for the optimizer
    /// step that follows; adds its metrics to <paramref name="tally"/>; returns its loss.
    /// </summary>
    float TrainBatch(int batch, OutputTally tally);

    /// <summary>Metrics on the test data, or null without any.</summary>
    EvaluationResult? Evaluate();

    /// <summary>Carried state a checkpoint must hold to resume part-way through an epoch.</summary>
    IEnumerable<TensorEntry> StateTensors();

    /// <summary>Describes what of <see cref="StateTensors"/> in <paramref name="file"/> is missing or does not fit (nothing when all fits).</summary>
    IEnumerable<string> StateProblems(SafeTensorsFile file);

    /// <summary>Restores <see cref="StateTensors"/> from <paramref name="file"/>, after <see cref="StateProblems"/> found nothing.</summary>
    void LoadState(SafeTensorsFile file);
}
