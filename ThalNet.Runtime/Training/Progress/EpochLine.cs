using System.Globalization;
using System.Text;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// The machine-readable line printed at every epoch end, <c>key=value</c> pairs separated by spaces:
/// <c>epoch=3 train_loss=0.41 train_accuracy=0.87 test_loss=0.45 test_accuracy=0.86 epoch_seconds=12.3 samples_per_second=650</c>.
/// Each output reports its headline metric (<see cref="OutputMetrics.Metric"/>): byte-level language-model heads
/// <c>_bpc</c> and regression heads <c>_mse</c> instead of <c>_accuracy</c>; a model with
/// several outputs adds each output's values with the output's name as a suffix (<c>test_accuracy_parity=0.98</c>).
/// </summary>
internal static class EpochLine
{
    public static string Format(EpochSummary summary, SequenceInfo info)
    {
        var line = new StringBuilder();
        Append(line, "epoch", summary.Epoch.ToString(CultureInfo.InvariantCulture));
        AppendOutput(line, "train", string.Empty, summary.Train.Loss, summary.Train.Outputs[0]);
        if (summary.Test is { } test)
        {
            AppendOutput(line, "test", string.Empty, test.Loss, test.Outputs[0]);
        }

        Append(line, "epoch_seconds", summary.Seconds.ToString("F3", CultureInfo.InvariantCulture));
        Append(line, "samples_per_second", summary.SamplesPerSecond.ToString("F0", CultureInfo.InvariantCulture));
        if (info.Outputs.Count > 1)
        {
            for (var o = 0; o < info.Outputs.Count; o++)
            {
                var suffix = "_" + info.Outputs[o].Name;
                AppendOutput(line, "train", suffix, summary.Train.Outputs[o].Loss, summary.Train.Outputs[o]);
                if (summary.Test is { } perOutput)
                {
                    AppendOutput(line, "test", suffix, perOutput.Outputs[o].Loss, perOutput.Outputs[o]);
                }
            }
        }

        return line.ToString();
    }

    /// <summary><c>SPLIT_loss[SUFFIX]</c> (the total without a suffix), then the output's accuracy or bpc.</summary>
    private static void AppendOutput(StringBuilder line, string split, string suffix, double loss, OutputMetrics metrics)
    {
        Append(line, split + "_loss" + suffix, Number(loss));
        Append(line, $"{split}_{metrics.QualityName}{suffix}", Number(metrics.Quality));
    }

    private static string Number(double value) => value.ToString("F6", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder line, string key, string value)
    {
        if (line.Length > 0)
        {
            line.Append(' ');
        }

        line.Append(key).Append('=').Append(value);
    }
}
