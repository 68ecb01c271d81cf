namespace ThalNet.Runtime.Training;

/// <summary>What early stopping and keep-best remember between epoch ends, saved with the training position.</summary>
internal sealed class RunControlState
{
    public BestSoFar EarlyStopping { get; } = new("early_stopping.");

    public BestSoFar KeepBest { get; } = new("keep_best.");

    /// <summary>Whether early stopping has ended the run.</summary>
    public bool StoppedEarly { get; set; }

    public void Save(IDictionary<string, string> metadata)
    {
        EarlyStopping.Save(metadata);
        KeepBest.Save(metadata);
        metadata["early_stopping.stopped"] = StoppedEarly ? "true" : "false";
    }

    public void Load(CheckpointMetadata metadata)
    {
        EarlyStopping.Load(metadata);
        KeepBest.Load(metadata);
        StoppedEarly = metadata.TryGet("early_stopping.stopped", out var stopped) && stopped == "true";
    }
}
