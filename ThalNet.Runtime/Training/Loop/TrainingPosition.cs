using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>Where a run stands, as much as a checkpoint needs to continue it exactly (besides the model, optimizer and generator).</summary>
internal sealed class TrainingPosition(SequenceInfo info)
{
    /// <summary>Epochs finished.</summary>
    public int Epoch { get; set; }

    /// <summary>Batches of the next epoch already trained.</summary>
    public int BatchInEpoch { get; set; }

    public long GlobalStep { get; set; }

    /// <summary>The generator's state before the current epoch's shuffle, to draw the same order again on resume.</summary>
    public byte[] EpochRandomState { get; set; } = [];

    /// <summary>Time spent in the current epoch so far, across interruptions.</summary>
    public double EpochSeconds { get; set; }

    /// <summary>Metrics of the current epoch's batches so far.</summary>
    public OutputTally EpochTally { get; } = new(info);

    /// <summary>Metrics of the batches since the last train line of the metrics log, which the next line averages.</summary>
    public OutputTally WindowTally { get; } = new(info);

    /// <summary>Batches in <see cref="WindowTally"/>.</summary>
    public int WindowBatches { get; set; }

    /// <summary>The best metrics so far of early stopping and keep-best.</summary>
    public RunControlState Controls { get; } = new();
}
