using System.Globalization;
using System.Text.Json;
using ThalNet.Examples.Tests.Infrastructure;

namespace ThalNet.Examples.Tests;

/// <summary>
/// Checkpoints are backend-neutral: a TorchSharp run resumes its own checkpoint exactly, and a checkpoint written by
/// one backend resumes on the other.
/// </summary>
public sealed class TorchSharpResumeTests(ITestOutputHelper log) : ExampleTest(log)
{
    /// <summary>
    /// The two backends compute the same float32 model with different kernels (another summation order), so their
    /// losses differ in the last bits: by at most 1e-6 in the runs that set this bound (the epoch lines print six
    /// decimals). 1e-4 leaves a hundredfold margin and still fails on a real difference, such as another batch order.
    /// </summary>
    private const double CrossBackendTolerance = 1e-4;

    [Theory]
    [InlineData("SequentialMnist", ExampleData.Mnist)]
    [InlineData("CharLanguageModel", ExampleData.Shakespeare)]
    public void One_epoch_and_a_resumed_second_equal_two_epochs_straight_and_the_log_is_rewound(string example, string dataSet)
    {
        if (ExampleData.Find(dataSet, Log) is not { } data)
        {
            return;
        }

        string[] common = ["--data", data, "--backend", "torchsharp", "--max-batches", "4", "--max-eval-batches", "2", "--seed", "3"];
        var whole = Temp.File("whole.safetensors");
        var wholeMetrics = Temp.File("whole.jsonl");
        var parts = Temp.File("parts.safetensors");
        var partsMetrics = Temp.File("parts.jsonl");
        var uninterrupted = Runner.Run(example, [.. common, "--epochs", "2", "--checkpoint", whole, "--metrics", wholeMetrics]).Succeeded();
        Runner.Run(example, [.. common, "--epochs", "1", "--checkpoint", parts, "--metrics", partsMetrics]).Succeeded();
        // A line logged after the checkpoint, as by a run that crashed before its next checkpoint: resuming drops it.
        File.AppendAllText(partsMetrics, """{"step":999,"epoch":2,"split":"train","output":"x","loss":1,"accuracy":0}""" + "\n");

        var resumed = Runner.Run(example, [.. common, "--epochs", "2", "--checkpoint", parts, "--metrics", partsMetrics, "--resume"]).Succeeded();

        Assert.Contains($"Resuming from '{parts}' at epoch 2, batch 0 (step 4)", resumed.StandardOutput, StringComparison.Ordinal);
        var expected = uninterrupted.Output.Epoch(2);
        var actual = Assert.Single(resumed.Output.Epochs);
        // libtorch on the CPU computes the same batch the same way every time, so the runs agree exactly.
        foreach (var key in actual.Keys.Where(k => k is not ("epoch_seconds" or "samples_per_second")))
        {
            Assert.Equal(expected[key], actual[key]);
        }

        Assert.Equal(Losses(wholeMetrics), Losses(partsMetrics));
        CheckpointAssert.Identical(whole, parts, ignoredMetadata: "epoch_seconds");
    }

    [Theory]
    [InlineData("engine", "torchsharp")]
    [InlineData("torchsharp", "engine")]
    public void A_checkpoint_of_one_backend_resumes_on_the_other(string first, string second)
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        // A learning rate ten times the default, so the second epoch depends clearly on the carried optimizer state.
        string[] common = ["--data", data, "--max-batches", "6", "--max-eval-batches", "2", "--seed", "2", "--lr", "0.01"];
        var straight = Runner.Run("SequentialMnist", [.. common, "--backend", second, "--epochs", "2", "--checkpoint", Temp.File("straight.safetensors")]).Succeeded();
        var parts = Temp.File("parts.safetensors");
        Runner.Run("SequentialMnist", [.. common, "--backend", first, "--epochs", "1", "--checkpoint", parts]).Succeeded();

        var resumed = Runner.Run("SequentialMnist", [.. common, "--backend", second, "--epochs", "2", "--checkpoint", parts, "--resume"]).Succeeded();

        Assert.Contains("Resuming from", resumed.StandardOutput, StringComparison.Ordinal);
        var expected = straight.Output.Epoch(2);
        var actual = Assert.Single(resumed.Output.Epochs);
        foreach (var key in new[] { "train_loss", "test_loss" })
        {
            Assert.Equal(expected.Number(key), actual.Number(key), CrossBackendTolerance);
        }
    }

    private static List<string> Losses(string metrics) =>
        [.. File.ReadAllLines(metrics).Select(line => JsonDocument.Parse(line).RootElement).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.GetProperty("step").GetInt64()} {e.GetProperty("split").GetString()} {e.GetProperty("loss").GetDouble():R}"))];
}
