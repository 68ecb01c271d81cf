using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// A metric of an epoch named as in TensorBoard tags: <c>SPLIT/OUTPUT/METRIC</c> (<c>test/digit/accuracy</c>,
/// <c>test/value/mse</c>) or <c>SPLIT/METRIC</c> for the weighted total loss (<c>test/loss</c>). Splits are
/// <c>train</c> and <c>test</c>; metrics <c>loss</c>, and by the output's kind <c>accuracy</c>, <c>bpc</c>, <c>mse</c>
/// or <c>rmse</c>. Accuracy is better higher, every other metric lower.
/// </summary>
public sealed record MetricName
{
    private MetricName(string text, string split, string? output, string metric)
    {
        Text = text;
        Split = split;
        Output = output;
        Metric = metric;
    }

    /// <summary>The name as written.</summary>
    public string Text { get; }

    /// <summary><c>train</c> or <c>test</c>.</summary>
    public string Split { get; }

    /// <summary>The output, or null for the weighted total loss.</summary>
    public string? Output { get; }

    /// <summary><c>loss</c>, <c>accuracy</c>, <c>bpc</c>, <c>mse</c> or <c>rmse</c>.</summary>
    public string Metric { get; }

    /// <summary>Whether a larger value is better (accuracy).</summary>
    public bool HigherIsBetter => Metric == "accuracy";

    /// <summary>Parses <paramref name="text"/> and checks it against <paramref name="info"/>'s outputs.</summary>
    /// <exception cref="ArgumentException">The name is malformed, names no output of the model, or a metric that output is not measured by.</exception>
    public static MetricName Parse(string text, SequenceInfo info)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(info);
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts[0] is not ("train" or "test"))
        {
            throw new ArgumentException($"Metric '{text}' is not SPLIT/OUTPUT/METRIC or SPLIT/loss with SPLIT train or test (for example test/{info.Outputs[0].Name}/{OutputMetrics.MetricKey(OutputMetrics.MetricOf(info.Outputs[0]))}).", nameof(text));
        }

        if (parts.Length == 2)
        {
            return parts[1] == "loss"
                ? new MetricName(text, parts[0], null, "loss")
                : throw new ArgumentException($"Metric '{text}' names no output; only the total loss ({parts[0]}/loss) goes without one.", nameof(text));
        }

        var output = info.Outputs.FirstOrDefault(o => o.Name == parts[1])
            ?? throw new ArgumentException($"Metric '{text}' names output '{parts[1]}', but model '{info.Name}' has {string.Join(", ", info.Outputs.Select(o => $"'{o.Name}'"))}.", nameof(text));
        var kind = OutputMetrics.MetricOf(output);
        string[] allowed = kind switch
        {
            HeadMetric.MeanSquaredError => ["loss", "mse", "rmse"],
            HeadMetric.BitsPerCharacter => ["loss", "bpc", "accuracy"],
            _ => ["loss", "accuracy"],
        };
        return allowed.Contains(parts[2])
            ? new MetricName(text, parts[0], output.Name, parts[2])
            : throw new ArgumentException($"Metric '{text}': output '{output.Name}' is measured by {string.Join(", ", allowed)}, not {parts[2]}.", nameof(text));
    }

    /// <summary>The value of this metric at the end of <paramref name="epoch"/>.</summary>
    /// <exception cref="InvalidOperationException">It is a test metric and the run has no test data.</exception>
    public double ValueIn(EpochSummary epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        var result = Split == "train"
            ? epoch.Train
            : epoch.Test ?? throw new InvalidOperationException($"Metric '{Text}' is a test metric, but this run has no test data; give Fit test data or name a train metric.");
        if (Output is null)
        {
            return result.Loss;
        }

        var output = result[Output];
        return Metric switch
        {
            "loss" => output.Loss,
            "accuracy" => output.Accuracy,
            "bpc" => output.Bits,
            "mse" => output.MeanSquaredError,
            _ => output.RootMeanSquaredError,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
