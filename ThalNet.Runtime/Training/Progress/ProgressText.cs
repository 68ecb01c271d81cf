using System.Globalization;
using System.Text;

namespace ThalNet.Runtime.Training;

/// <summary>
/// The running metrics of an epoch as progress views show them: the loss, then each output's headline metric, named
/// by the output when there are several (<c>loss 0.5123  digit acc 87.0%  parity acc 95.1%</c>), unnamed when there
/// is one (<c>loss 0.4123  acc 87.0%</c>, <c>loss 1.9871  bpc 2.867</c>, <c>loss 0.0123  mse 0.0123</c>).
/// </summary>
internal static class ProgressText
{
    public static string Metrics(EvaluationResult running)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"loss {running.Loss:F4}");
        foreach (var output in running.Outputs)
        {
            text.Append("  ");
            if (running.Outputs.Count > 1)
            {
                text.Append(output.Name).Append(' ');
            }

            text.Append(output.Metric switch
            {
                HeadMetric.BitsPerCharacter => string.Create(CultureInfo.InvariantCulture, $"bpc {output.Bits:F3}"),
                HeadMetric.MeanSquaredError => string.Create(CultureInfo.InvariantCulture, $"mse {output.Loss:F4}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"acc {output.Accuracy * 100:F1}%"),
            });
        }

        return text.ToString();
    }
}
