using ThalNet.Examples.Tests.Infrastructure;

namespace ThalNet.Examples.Tests;

/// <summary>The other programs: a few batches each, and the lines every example prints.</summary>
public sealed class ShortRunTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Theory]
    [InlineData("PermutedMnist", ExampleData.Mnist)]
    [InlineData("GruBaseline", ExampleData.Mnist, "--task", "sequential-mnist")]
    [InlineData("GruBaseline", ExampleData.Mnist, "--task", "permuted-mnist")]
    [InlineData("GruBaseline", ExampleData.Shakespeare, "--task", "text")]
    public void Runs_a_few_batches_and_prints_its_lines(string example, string dataSet, params string[] task)
    {
        if (ExampleData.Find(dataSet, Log) is not { } data)
        {
            return;
        }

        var run = Runner.Run(example, [.. task, "--data", data, "--epochs", "1", "--max-batches", "3", "--max-eval-batches", "2"]).Succeeded();

        AssertPrintsItsLines(run, bitsPerCharacter: dataSet == ExampleData.Shakespeare);
    }

    [Theory]
    [InlineData(null, "10")]
    [InlineData("20", "20")]
    public void GruBaseline_text_trains_with_the_language_models_batch_unless_told(string? batchSize, string rows)
    {
        if (ExampleData.Find(ExampleData.Shakespeare, Log) is not { } data)
        {
            return;
        }

        var checkpoint = Temp.File("gru.safetensors");
        string[] batch = batchSize is null ? [] : ["--batch-size", batchSize];
        Runner.Run("GruBaseline", ["--task", "text", "--data", data, "--epochs", "1", "--max-batches", "1", "--max-eval-batches", "1", "--checkpoint", checkpoint, .. batch]).Succeeded();

        Assert.Equal(rows, ThalNet.Runtime.IO.SafeTensorsReader.ReadFile(checkpoint).Metadata["batch_rows"]);
    }

    [Fact]
    public void SequentialCifar10_trains_on_a_tiny_generated_cifar_folder()
    {
        TinyCifar.Write(Temp.Path, recordsPerFile: 20);

        var run = Runner.Run("SequentialCifar10", "--data", Temp.Path, "--epochs", "1", "--batch-size", "10", "--max-batches", "5").Succeeded();

        Assert.Contains("train=100 test=20", run.StandardOutput, StringComparison.Ordinal);
        AssertPrintsItsLines(run, bitsPerCharacter: false);
    }

    private static void AssertPrintsItsLines(ExampleRun run, bool bitsPerCharacter)
    {
        var quality = bitsPerCharacter ? "bpc" : "accuracy";
        var epoch = Assert.Single(run.Output.Epochs);
        foreach (var key in new[] { "train_loss", "test_loss", "train_" + quality, "test_" + quality, "epoch_seconds" })
        {
            Assert.True(double.IsFinite(epoch.Number(key)), $"{key} is not a finite number: {epoch}");
        }

        Assert.Equal(epoch.Number("test_" + quality), run.Output.SummaryNumber("test_" + quality), 1e-6);
        Assert.Equal(epoch.Number("test_loss"), run.Output.SummaryNumber("test_loss"), 1e-6);
        Assert.True(run.Output.SummaryNumber("epoch_seconds") > 0);
    }
}
