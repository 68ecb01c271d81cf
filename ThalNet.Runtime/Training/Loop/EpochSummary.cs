namespace ThalNet.Runtime.Training;

/// <summary>
/// The end of one epoch (1-based): <see cref="Train"/> is averaged over the epoch's batches (the mean batch loss and
/// the accuracy of every prediction made while training), <see cref="Test"/> is null without test data.
/// </summary>
public sealed record EpochSummary(int Epoch, long GlobalStep, EvaluationResult Train, EvaluationResult? Test, double Seconds, double SamplesPerSecond);
