using System.Globalization;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// One output's metrics over a set of predictions: its mean loss (cross-entropy in nats, or mean squared error), the
/// fraction of predictions whose largest logit is the target (NaN for a head that is not measured by accuracy), and
/// the loss in bits. Its headline metric (<see cref="Metric"/>, <see cref="QualityName"/>) comes from the loss's
/// catalog entry: accuracy for cross-entropy, bits per character for a byte-level language-model head (see
/// <see cref="MeasuresBitsPerCharacter"/>), mean squared error for <c>mse</c>.
/// </summary>
public sealed record OutputMetrics(string Name, double Loss, double Accuracy, long Predictions)
{
    /// <summary>The vocabulary of a byte-level language model.</summary>
    public const int ByteVocabulary = 256;

    /// <summary>The loss in bits (nats / ln 2): bits per character for a byte-level language-model head.</summary>
    public double Bits => Loss / Math.Log(2);

    /// <summary>What this output is measured by; <see cref="HeadMetric.Accuracy"/> unless set.</summary>
    public HeadMetric Metric { get; init; }

    /// <summary>Whether this output is a byte-level language-model head, reported in bits per character.</summary>
    public bool IsBitsPerCharacter
    {
        get => Metric == HeadMetric.BitsPerCharacter;
        init => Metric = value ? HeadMetric.BitsPerCharacter : HeadMetric.Accuracy;
    }

    /// <summary>Whether this output is a regression head measured by its mean squared error.</summary>
    public bool IsMeanSquaredError => Metric == HeadMetric.MeanSquaredError;

    /// <summary>Mean squared error of a regression head: its loss (NaN for other heads).</summary>
    public double MeanSquaredError => IsMeanSquaredError ? Loss : double.NaN;

    /// <summary>Root of the mean squared error of a regression head, in the targets' units (NaN for other heads).</summary>
    public double RootMeanSquaredError => Math.Sqrt(MeanSquaredError);

    /// <summary><c>bpc</c>, <c>mse</c> or <c>accuracy</c>: the key of the headline metric in epoch lines and metrics logs.</summary>
    public string QualityName => MetricKey(Metric);

    /// <summary>Bits per character, mean squared error or accuracy (see <see cref="QualityName"/>).</summary>
    public double Quality => Metric switch
    {
        HeadMetric.BitsPerCharacter => Bits,
        HeadMetric.MeanSquaredError => Loss,
        _ => Accuracy,
    };

    /// <summary>Whether a larger <see cref="Quality"/> is better (accuracy) rather than worse (bits, squared error).</summary>
    public bool HigherIsBetter => Metric == HeadMetric.Accuracy;

    /// <summary>The headline metric's words for tables and figures: <c>accuracy</c>, <c>bits per character</c>, <c>mean squared error</c>.</summary>
    public string QualityLabel => Metric switch
    {
        HeadMetric.BitsPerCharacter => "bits per character",
        HeadMetric.MeanSquaredError => "mean squared error",
        _ => "accuracy",
    };

    /// <summary>The key of <paramref name="metric"/> in epoch lines, metrics logs and TensorBoard tags.</summary>
    public static string MetricKey(HeadMetric metric) => metric switch
    {
        HeadMetric.BitsPerCharacter => "bpc",
        HeadMetric.MeanSquaredError => "mse",
        _ => "accuracy",
    };

    /// <summary>
    /// What <paramref name="output"/> is measured by: its loss's catalog metric, with a cross-entropy head that
    /// predicts the next byte at every step (<see cref="MeasuresBitsPerCharacter"/>) measured in bits per character.
    /// </summary>
    public static HeadMetric MetricOf(OutputInfo output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var metric = Catalog.Loss(output.Loss).Metric;
        return metric == HeadMetric.Accuracy && MeasuresBitsPerCharacter(output) ? HeadMetric.BitsPerCharacter : metric;
    }

    /// <summary>
    /// Bits per character is the metric of a cross-entropy head that predicts the next byte at every step: `at: every`
    /// over exactly 256 classes. Any other classification head, including an every-step head of another task (a label
    /// per step), is reported by its accuracy; its loss in bits stays available as <see cref="Bits"/>.
    /// </summary>
    public static bool MeasuresBitsPerCharacter(OutputInfo output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.EveryStep && output.Size == ByteVocabulary && Catalog.Loss(output.Loss).Metric == HeadMetric.Accuracy;
    }

    /// <summary>For example <c>digit: loss 0.4123, accuracy 87.00%</c>, <c>next: loss 1.9871, bpc 2.867</c> or <c>wave: mse 0.0123, rmse 0.1109</c>.</summary>
    public override string ToString() => Metric switch
    {
        HeadMetric.BitsPerCharacter => string.Create(CultureInfo.InvariantCulture, $"{Name}: loss {Loss:F4}, bpc {Bits:F3}"),
        HeadMetric.MeanSquaredError => string.Create(CultureInfo.InvariantCulture, $"{Name}: mse {Loss:F4}, rmse {RootMeanSquaredError:F4}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Name}: loss {Loss:F4}, accuracy {Accuracy * 100:F2}%"),
    };
}
