namespace ThalNet.Runtime.Training;

/// <summary>
/// One output's metrics over a set of predictions: mean cross-entropy in nats, the fraction of predictions whose
/// largest logit is the target, and the loss in bits (bits per character for a byte-level language model).
/// </summary>
public sealed record OutputMetrics(string Name, double Loss, double Accuracy, long Predictions)
{
    public double Bits => Loss / Math.Log(2);
}
