namespace ThalNet.Runtime.Analysis;

/// <summary>One line of a metrics log: the step, the split (train, test, ...) and every numeric field.</summary>
/// <param name="Step">The training step (optimizer updates so far) the line was written at.</param>
/// <param name="Split"><c>train</c>, <c>test</c> or another split name.</param>
/// <param name="Values">Every numeric field except <c>step</c>, including <c>epoch</c> when present.</param>
public sealed record MetricsRecord(long Step, string Split, IReadOnlyDictionary<string, double> Values)
{
    /// <summary>The <c>epoch</c> field; null when the line has none.</summary>
    public double? Epoch => Values.TryGetValue("epoch", out var epoch) ? epoch : null;

    /// <summary>The output the line is about (the trainer writes one line per output and event); null when the log names none.</summary>
    public string? Output { get; init; }
}
