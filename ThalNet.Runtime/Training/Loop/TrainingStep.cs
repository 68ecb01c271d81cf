namespace ThalNet.Runtime.Training;

/// <summary>One finished optimizer step: its 1-based epoch, the batches of that epoch done so far, the global step and the batch loss.</summary>
public readonly record struct TrainingStep(int Epoch, int BatchInEpoch, long GlobalStep, float Loss);
