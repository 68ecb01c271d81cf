using System.Text.Json;
using ThalNet.Examples.Tests.Infrastructure;
using ThalNet.Runtime.Tests.TensorBoard;

namespace ThalNet.Examples.Tests;

/// <summary>
/// <c>--backend torchsharp</c> trains every ThalNet example through the same training session as the engine: the same
/// epoch and summary lines, checkpoint, JSON-lines metrics and TensorBoard tags; DesignStudy's result lines and log; GruBaseline, which
/// is no ThalNet spec, says so.
/// </summary>
public sealed class TorchSharpBackendTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Theory]
    [InlineData("SequentialMnist", ExampleData.Mnist)]
    [InlineData("PermutedMnist", ExampleData.Mnist)]
    [InlineData("MultiTask", ExampleData.Mnist)]
    [InlineData("CharLanguageModel", ExampleData.Shakespeare)]
    public void A_tiny_run_prints_the_engines_lines_and_writes_a_checkpoint_and_metrics(string example, string dataSet)
    {
        if (ExampleData.Find(dataSet, Log) is not { } data)
        {
            return;
        }

        var run = TinyRun(example, "--data", data);

        AssertLinesAndFiles(run, bitsPerCharacter: dataSet == ExampleData.Shakespeare);
    }

    [Fact]
    public void SequentialCifar10_trains_on_a_tiny_generated_cifar_folder()
    {
        TinyCifar.Write(Temp.Path, recordsPerFile: 20);

        var run = TinyRun("SequentialCifar10", "--data", Temp.Path, "--batch-size", "10");

        Assert.Contains("train=100 test=20", run.StandardOutput, StringComparison.Ordinal);
        AssertLinesAndFiles(run, bitsPerCharacter: false);
    }

    [Fact]
    public void Analyze_reports_on_a_TorchSharp_trained_checkpoint_with_the_engine()
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        TinyRun("SequentialMnist", "--data", data);
        var report = Temp.File("report");

        var run = Runner.Run("SequentialMnist", "analyze", "--data", data, "--max-eval-batches", "1", "--checkpoint", Temp.File("model.safetensors"), "--metrics", Temp.File("metrics.jsonl"), "--out", report).Succeeded();

        Assert.Contains("report=", run.StandardOutput, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(report, "report.html")).Length > 0, "analyze wrote no report.html");
        Assert.True(File.Exists(Path.Combine(report, "curve-loss.svg")), "the report has no training curve from the TorchSharp run's metrics");
    }

    [Fact]
    public void DesignStudy_trains_a_configuration_on_TorchSharp_and_logs_its_result()
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        var folder = Temp.File("study");

        var run = Runner.Run("DesignStudy", "--data", data, "--backend", "torchsharp", "--only", "FF-GRU/weight-norm", "--epochs", "1", "--max-batches", "2", "--max-eval-batches", "1", "--out", folder).Succeeded();

        var result = Assert.Single(run.Output.LinesWith("design"));
        Assert.Equal("FF-GRU/weight-norm", $"{result["design"]}/{result["reading"]}");
        Assert.Equal("torchsharp", result["backend"]);
        Assert.InRange(result.Number("params"), 40001, 50000);
        Assert.True(double.IsFinite(result.Number("test_accuracy")), $"test_accuracy is not a finite number: {result}");
        var logged = Assert.Single(File.ReadAllLines(Path.Combine(folder, "results.jsonl")));
        Assert.Equal("torchsharp", JsonDocument.Parse(logged).RootElement.GetProperty("backend").GetString());
    }

    [Theory]
    [InlineData("SequentialMnist")]
    [InlineData("DesignStudy")]
    public void Device_cuda_without_a_CUDA_libtorch_names_the_package_to_add(string example)
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        var run = Runner.Run(example, "--data", data, "--backend", "torchsharp", "--device", "cuda", "--epochs", "1").FailedCleanly();

        var error = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("TorchSharp-cuda-linux", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DesignStudy_refuses_an_unknown_backend()
    {
        var run = Runner.Run("DesignStudy", "--backend", "bogus", "--out", Temp.File("out")).FailedCleanly();

        Assert.Contains("'bogus'", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("torchsharp", run.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Temp.File("out")), "the refused command still wrote its output folder");
    }

    [Fact]
    public void GruBaseline_says_it_has_no_TorchSharp_model()
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        var run = Runner.Run("GruBaseline", "--data", data, "--backend", "torchsharp", "--epochs", "1").FailedCleanly();

        Assert.Contains("not a ThalNet spec", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("--backend engine", run.StandardError, StringComparison.Ordinal);
    }

    private ExampleRun TinyRun(string example, params string[] arguments) =>
        Runner.Run(example, [.. arguments, "--backend", "torchsharp", "--epochs", "1", "--max-batches", "2", "--max-eval-batches", "1", "--checkpoint", Temp.File("model.safetensors"), "--metrics", Temp.File("metrics.jsonl"), "--tensorboard", Temp.File("board")]).Succeeded();

    private void AssertLinesAndFiles(ExampleRun run, bool bitsPerCharacter)
    {
        Assert.Contains("backend=torchsharp", run.StandardOutput, StringComparison.Ordinal);
        var quality = bitsPerCharacter ? "bpc" : "accuracy";
        var epoch = Assert.Single(run.Output.Epochs);
        foreach (var key in new[] { "train_loss", "test_loss", "train_" + quality, "test_" + quality, "epoch_seconds", "samples_per_second" })
        {
            Assert.True(double.IsFinite(epoch.Number(key)), $"{key} is not a finite number: {epoch}");
        }

        Assert.Equal(epoch.Number("test_" + quality), run.Output.SummaryNumber("test_" + quality), 1e-6);
        Assert.Equal(epoch.Number("test_loss"), run.Output.SummaryNumber("test_loss"), 1e-6);
        Assert.True(run.Output.SummaryNumber("epoch_seconds") > 0);

        Assert.True(new FileInfo(Temp.File("model.safetensors")).Length > 0, "no checkpoint was written");
        var splits = File.ReadAllLines(Temp.File("metrics.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (Split: e.GetProperty("split").GetString(), Step: e.GetProperty("step").GetInt64(), Loss: e.GetProperty("loss").GetDouble()))
            .ToList();
        Assert.Contains(splits, s => s is { Split: "train", Step: 2 } && double.IsFinite(s.Loss));
        Assert.Contains(splits, s => s is { Split: "test", Step: 2 } && double.IsFinite(s.Loss));

        // The same TensorBoard tags as the engine, with the metrics log's values.
        var events = EventFileDecoder.ReadFolder(Temp.File("board"));
        var scalars = events.SelectMany(e => e.Scalars.Select(s => (e.Step, s.Tag, s.Value))).ToList();
        foreach (var line in File.ReadAllLines(Temp.File("metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement))
        {
            var tag = $"{line.GetProperty("split").GetString()}/{line.GetProperty("output").GetString()}/loss";
            Assert.Contains((line.GetProperty("step").GetInt64(), tag, (float)line.GetProperty("loss").GetDouble()), scalars);
        }

        Assert.Contains(scalars, s => s.Tag == "train/learning_rate");
        Assert.Contains(events.SelectMany(e => e.Histograms), h => h.Tag.StartsWith("reading/", StringComparison.Ordinal));
    }
}
