using System.Globalization;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>The machine-readable lines an example prints when it finishes.</summary>
public static class ExampleSummary
{
    /// <summary>Prints the first output's headline metric of the final evaluation (<c>test_accuracy=</c>, <c>test_bpc=</c> or <c>test_mse=</c>), each further output's headline metric (<c>test_mse_OUTPUT=</c> for a regression head), and the mean <c>epoch_seconds=</c> of this run.</summary>
    public static void Print(TextWriter output, TrainingResult result, EvaluationResult test, bool bitsPerCharacter)
    {
        if (bitsPerCharacter)
        {
            output.WriteLine(Line("test_bpc", test.BitsPerCharacter));
        }
        else if (test.Outputs[0].IsMeanSquaredError)
        {
            output.WriteLine(Line("test_mse", test.Outputs[0].MeanSquaredError));
        }
        else
        {
            output.WriteLine(Line("test_accuracy", test.Accuracy));
        }

        for (var o = 1; o < test.Outputs.Count; o++)
        {
            output.WriteLine(Line($"test_{test.Outputs[o].QualityName}_{test.Outputs[o].Name}", test.Outputs[o].Quality));
        }

        output.WriteLine(Line("test_loss", test.Loss));
        if (result.Epochs.Count > 0)
        {
            output.WriteLine(Line("epoch_seconds", result.Epochs.Average(e => e.Seconds)));
        }
    }

    private static string Line(string key, double value) => string.Create(CultureInfo.InvariantCulture, $"{key}={value:0.######}");
}
