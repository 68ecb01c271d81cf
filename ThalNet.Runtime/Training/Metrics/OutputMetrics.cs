using System.Globalization;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// One output's metrics over a set of predictions: mean cross-entropy in nats, the fraction of predictions whose
/// largest logit is the target, and the loss in bits. Its headline metric (<see cref="QualityName"/>) is bits per
/// character for a byte-level language-model head (see <see cref="MeasuresBitsPerCharacter"/>), accuracy otherwise.
/// </summary>
public sealed record OutputMetrics(string Name, double Loss, double Accuracy, long Predictions)
{
    /// <summary>The vocabulary of a byte-level language model.</summary>
    public const int ByteVocabulary = 256;

    /// <summary>The loss in bits (nats / ln 2): bits per character for a byte-level language-model head.</summary>
    public double Bits => Loss / Math.Log(2);

    /// <summary>Whether this output is a byte-level language-model head, reported in bits per character.</summary>
    public bool IsBitsPerCharacter { get; init; }

    /// <summary><c>bpc</c> or <c>accuracy</c>: the key of the headline metric in epoch lines and metrics logs.</summary>
    public string QualityName => IsBitsPerCharacter ? "bpc" : "accuracy";

    /// <summary>Bits per character, or accuracy (see <see cref="QualityName"/>).</summary>
    public double Quality => IsBitsPerCharacter ? Bits : Accuracy;

    /// <summary>
    /// Bits per character is the metric of a head that predicts the next byte at every step: `at: every` over
    /// exactly 256 classes. Any other head, including an every-step head of another task (a label per step), is
    /// reported by its accuracy; its loss in bits stays available as <see cref="Bits"/>.
    /// </summary>
    public static bool MeasuresBitsPerCharacter(OutputInfo output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.EveryStep && output.Size == ByteVocabulary;
    }

    /// <summary>For example <c>digit: loss 0.4123, accuracy 87.00%</c> or <c>next: loss 1.9871, bpc 2.867</c>.</summary>
    public override string ToString() => IsBitsPerCharacter
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}: loss {Loss:F4}, bpc {Bits:F3}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name}: loss {Loss:F4}, accuracy {Accuracy * 100:F2}%");
}
