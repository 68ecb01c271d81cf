using System.Globalization;

namespace ThalNet.Runtime.Training;

/// <summary>
/// The end of one epoch (1-based): <see cref="Train"/> is averaged over the epoch's batches (the mean batch loss and
/// the accuracy of every prediction made while training), <see cref="Test"/> is null without test data.
/// </summary>
public sealed record EpochSummary(int Epoch, long GlobalStep, EvaluationResult Train, EvaluationResult? Test, double Seconds, double SamplesPerSecond)
{
    /// <summary>For example <c>epoch 3 (step 480): train loss 0.5123 (digit: ...); test loss 0.53 (...); 12.3 s, 650 samples/s</c>.</summary>
    public override string ToString()
    {
        var test = Test is null ? string.Empty : $"; test {Test}";
        return string.Create(CultureInfo.InvariantCulture, $"epoch {Epoch} (step {GlobalStep}): train {Train}{test}; {Seconds:F1} s, {SamplesPerSecond:F0} samples/s");
    }
}
