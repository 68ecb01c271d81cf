using System.Globalization;

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

    /// <summary>The output named <paramref name="name"/>.</summary>
    public OutputMetrics this[string name] =>
        Outputs.FirstOrDefault(o => o.Name == name) ?? throw new KeyNotFoundException($"There is no output '{name}'; the outputs are {string.Join(", ", Outputs.Select(o => o.Name))}.");

    /// <summary>For example <c>loss 0.5123 (digit: loss 0.4123, accuracy 87.00%; parity: loss 0.2000, accuracy 95.10%)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"loss {Loss:F4} ({string.Join("; ", Outputs)})");
}
