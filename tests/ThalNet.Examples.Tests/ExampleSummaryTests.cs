using ThalNet.Runtime.Training;
using ThalNet.Specs;

namespace ThalNet.Examples.Tests;

/// <summary>The final summary names the first output's own metric: a regression head is never reported as an accuracy.</summary>
public sealed class ExampleSummaryTests
{
    [Fact]
    public void A_regression_first_output_is_summarised_by_its_mean_squared_error()
    {
        var regression = new OutputMetrics("level", Loss: 0.25, Accuracy: double.NaN, Predictions: 40) { Metric = HeadMetric.MeanSquaredError };
        var classes = new OutputMetrics("kind", Loss: 0.5, Accuracy: 0.75, Predictions: 10);
        var text = Summary(new EvaluationResult(0.75, [regression, classes]));

        Assert.Contains("test_mse=0.25\n", text, StringComparison.Ordinal);
        Assert.Contains("test_accuracy_kind=0.75\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("test_accuracy=", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_classification_first_output_is_summarised_by_its_accuracy()
    {
        var text = Summary(new EvaluationResult(0.5, [new OutputMetrics("digit", Loss: 0.5, Accuracy: 0.875, Predictions: 8)]));

        Assert.Contains("test_accuracy=0.875\n", text, StringComparison.Ordinal);
    }

    private static string Summary(EvaluationResult test)
    {
        using var output = new StringWriter { NewLine = "\n" };
        ExampleSummary.Print(output, new TrainingResult([], GlobalStep: 0, Interrupted: false), test, bitsPerCharacter: false);
        return output.ToString();
    }
}
