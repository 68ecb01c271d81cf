using ThalNet.Examples.Tests.Infrastructure;

namespace ThalNet.Examples.Tests;

public sealed class ResumeTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Fact]
    public void Stopping_after_epoch_one_and_resuming_gives_exactly_the_uninterrupted_run()
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        string[] common = ["--data", data, "--max-batches", "15", "--max-eval-batches", "5", "--seed", "1"];
        var whole = Temp.File("whole.safetensors");
        var parts = Temp.File("parts.safetensors");

        var uninterrupted = Runner.Run("SequentialMnist", [.. common, "--epochs", "2", "--checkpoint", whole]).Succeeded();
        Runner.Run("SequentialMnist", [.. common, "--epochs", "1", "--checkpoint", parts]).Succeeded();
        var resumed = Runner.Run("SequentialMnist", [.. common, "--epochs", "2", "--checkpoint", parts, "--resume"]).Succeeded();

        Assert.Contains("Resuming from", resumed.StandardOutput, StringComparison.Ordinal);
        var expected = uninterrupted.Output.Epoch(2);
        var actual = Assert.Single(resumed.Output.Epochs);
        foreach (var key in new[] { "epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy" })
        {
            Assert.Equal(expected[key], actual[key]);
        }

        Assert.Equal(uninterrupted.Output.Summary("test_accuracy"), resumed.Output.Summary("test_accuracy"));
        Assert.Equal(uninterrupted.Output.Summary("test_loss"), resumed.Output.Summary("test_loss"));
        CheckpointAssert.Identical(whole, parts, ignoredMetadata: "epoch_seconds");
    }
}
