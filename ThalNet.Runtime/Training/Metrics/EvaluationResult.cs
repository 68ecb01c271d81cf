namespace ThalNet.Runtime.Training;

/// <summary>
/// Metrics of a pass over a data set: <see cref="Loss"/> is the spec's weighted sum of the outputs' mean losses;
/// <see cref="Outputs"/> has one entry per output, in <see cref="Models.SequenceInfo.Outputs"/> order.
/// </summary>
public sealed record EvaluationResult(double Loss, IReadOnlyList<OutputMetrics> Outputs)
{
    /// <summary>The first output's accuracy (the main task's).</summary>
    public double Accuracy => Outputs[0].Accuracy;

    /// <summary>The first output's loss in bits: bits per character for a byte-level language model.</summary>
    public double BitsPerCharacter => Outputs[0].Bits;
}
