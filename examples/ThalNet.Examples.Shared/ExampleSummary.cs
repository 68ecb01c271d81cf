using System.Globalization;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>The machine-readable lines an example prints when it finishes.</summary>
public static class ExampleSummary
{
    /// <summary>Prints <c>test_accuracy=</c> (or <c>test_bpc=</c>) of the final evaluation and the mean <c>epoch_seconds=</c> of this run.</summary>
    public static void Print(TextWriter output, TrainingResult result, EvaluationResult test, bool bitsPerCharacter)
    {
        if (bitsPerCharacter)
        {
            output.WriteLine(Line("test_bpc", test.BitsPerCharacter));
        }
        else
        {
            output.WriteLine(Line("test_accuracy", test.Accuracy));
        }

        for (var o = 1; o < test.Outputs.Count; o++)
        {
            output.WriteLine(Line($"test_accuracy_{test.Outputs[o].Name}", test.Outputs[o].Accuracy));
        }

        output.WriteLine(Line("test_loss", test.Loss));
        if (result.Epochs.Count > 0)
        {
            output.WriteLine(Line("epoch_seconds", result.Epochs.Average(e => e.Seconds)));
        }
    }

    private static string Line(string key, double value) => string.Create(CultureInfo.InvariantCulture, $"{key}={value:0.######}");
}
