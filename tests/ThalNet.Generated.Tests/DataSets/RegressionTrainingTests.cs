using System.Text.Json;
using ThalNet.Examples.Features;
using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Training;

namespace ThalNet.Generated.Tests.DataSets;

/// <summary>
/// A model with an `mse` output at every step ('value') and a cross-entropy output at the last ('sign'), trained from
/// its generated typed data set through the trainer: the regression head is measured by its mean squared error in the
/// epoch line, the metrics log and the report, never by an accuracy; the classification head by its accuracy.
/// </summary>
public sealed class RegressionTrainingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thalnet-regression-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_regression_head_is_measured_by_its_mean_squared_error_everywhere()
    {
        Directory.CreateDirectory(_folder);
        var metricsPath = Path.Combine(_folder, "metrics.jsonl");
        var (train, test) = RegressionData.BatchFirst(examples: 40, steps: 4, seed: 7).ToDataSet(SequenceLayout.BatchFirst).Split(testCount: 10);
        var output = new StringWriter();
        using var trainer = new Trainer<RegressionNet>(r => new RegressionNet(r), new TrainerOptions
        {
            Epochs = 2, BatchSize = 10, Workers = 1, LearningRate = 1e-2f, Progress = false, Output = output, MetricsPath = metricsPath, LogEvery = 1,
        });

        var result = trainer.Fit(train, test);

        var epochLine = output.ToString().Split('\n').Last(l => l.StartsWith("epoch=2 ", StringComparison.Ordinal));
        var keys = epochLine.Trim().Split(' ').Select(p => p.Split('=')[0]).ToList();
        Assert.Contains("train_mse", keys);
        Assert.Contains("test_mse", keys);
        Assert.Contains("test_mse_value", keys);
        Assert.Contains("test_accuracy_sign", keys);
        Assert.DoesNotContain(keys, k => k.Contains("accuracy", StringComparison.Ordinal) && !k.EndsWith("_sign", StringComparison.Ordinal));
        var test2 = result.Epochs[^1].Test!;
        Assert.Equal(test2["value"].Loss, Value(epochLine, "test_mse_value"), 5);
        Assert.Equal(test2["sign"].Accuracy, Value(epochLine, "test_accuracy_sign"), 5);

        var lines = File.ReadAllLines(metricsPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var value = lines.Where(l => l.GetProperty("output").GetString() == "value").ToList();
        var sign = lines.Where(l => l.GetProperty("output").GetString() == "sign").ToList();
        Assert.NotEmpty(value);
        Assert.All(value, l => Assert.False(l.TryGetProperty("accuracy", out _)));
        Assert.All(value, l => Assert.Equal(Math.Sqrt(l.GetProperty("mse").GetDouble()), l.GetProperty("rmse").GetDouble(), 12));
        Assert.All(value, l => Assert.Equal(l.GetProperty("loss").GetDouble(), l.GetProperty("mse").GetDouble()));
        Assert.All(sign, l => Assert.True(l.TryGetProperty("accuracy", out _)));
        Assert.All(sign, l => Assert.False(l.TryGetProperty("mse", out _)));
        var lastTest = value.Last(l => l.GetProperty("split").GetString() == "test");
        Assert.Equal(test2["value"].MeanSquaredError, lastTest.GetProperty("mse").GetDouble());

        var report = ModelReport.Create(trainer.Model, test, new AnalysisOptions { BatchSize = 10, MetricsPath = metricsPath });
        Assert.True(report.Evaluation["value"].IsMeanSquaredError);
        Assert.True(double.IsNaN(report.Evaluation["value"].Accuracy));
        Assert.Equal(HeadMetric.Accuracy, report.Evaluation["sign"].Metric);
        Assert.All(report.AblationOf("value"), a => Assert.Equal(report.Evaluation["value"].Loss, a.Baseline));
        Assert.Contains("value: mse ", report.Evaluation.ToString(), StringComparison.Ordinal);
        var html = report.ToHtml().ToHtml();
        Assert.Contains("mean squared error", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_first_data_trains_exactly_as_the_same_data_time_major()
    {
        var data = RegressionData.BatchFirst(examples: 12, steps: 3, seed: 2);
        var batchFirst = Train(data.ToDataSet(SequenceLayout.BatchFirst));
        var timeMajor = Train(data.TimeMajor().ToDataSet(SequenceLayout.TimeMajor));

        Assert.Equal(batchFirst.Loss, timeMajor.Loss);
        Assert.Equal(batchFirst.Parameters, timeMajor.Parameters);
    }

    [Fact]
    public void Batch_first_arrays_declared_time_major_are_one_error_naming_the_input_and_both_layouts()
    {
        var data = RegressionData.BatchFirst(examples: 6, steps: 3, seed: 2);

        var error = Assert.Throws<ArgumentException>(() => data.ToDataSet(SequenceLayout.TimeMajor));

        Assert.Contains("input 'signal'", error.Message, StringComparison.Ordinal);
        Assert.Contains("TimeMajor [T, N, width]", error.Message, StringComparison.Ordinal);
        Assert.Contains("It fits as BatchFirst [N, T, width]", error.Message, StringComparison.Ordinal);
        Assert.Contains("N = 6 example(s) (from the target of output 'sign')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_of_the_wrong_size_or_class_names_its_output()
    {
        var data = RegressionData.BatchFirst(examples: 4, steps: 3, seed: 2);
        var size = RegressionNet.Layout.Info.Outputs[0].Size;
        var classes = RegressionNet.Layout.Info.Outputs[1].Size;

        var wide = Assert.Throws<ArgumentException>(() => new RegressionNet.DataSet(data.Signal, new float[4, 3, size + 1], data.Sign, SequenceLayout.BatchFirst));
        var outOfRange = Assert.Throws<ArgumentException>(() => new RegressionNet.DataSet(data.Signal, data.Value, [0, classes, 0, 1], SequenceLayout.BatchFirst));
        var fewer = Assert.Throws<ArgumentException>(() => new RegressionNet.DataSet(data.Signal, data.Value, [0, 1, 0], SequenceLayout.BatchFirst));

        Assert.Contains("output 'value'", wide.Message, StringComparison.Ordinal);
        Assert.Contains($"takes {size} value(s) per step", wide.Message, StringComparison.Ordinal);
        Assert.Contains("output 'sign'", outOfRange.Message, StringComparison.Ordinal);
        Assert.Contains($"class {classes}, outside [0, {classes})", outOfRange.Message, StringComparison.Ordinal);
        Assert.Contains("input 'signal'", fewer.Message, StringComparison.Ordinal);
        Assert.Contains("N = 3 example(s) (from the target of output 'sign')", fewer.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static (double Loss, float[] Parameters) Train(ExampleSet data)
    {
        using var trainer = new Trainer<RegressionNet>(r => new RegressionNet(r), new TrainerOptions { Epochs = 2, BatchSize = 4, Workers = 1, Progress = false, Output = TextWriter.Null });
        var result = trainer.Fit(data);
        return (result.Epochs[^1].Train.Loss, [.. trainer.Model.NamedParameters().SelectMany(p => p.Value.ToArray())]);
    }

    private static double Value(string line, string key) =>
        double.Parse(line.Trim().Split(' ').Single(p => p.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
