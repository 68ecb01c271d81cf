using ThalNet.Examples.Tests.Infrastructure;

namespace ThalNet.Examples.Tests;

public sealed class MultiTaskTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Fact]
    public void Both_outputs_losses_fall_from_epoch_to_epoch_and_below_chance()
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        var run = Runner.Run("MultiTask", "--data", data, "--epochs", "2", "--max-batches", "60", "--max-eval-batches", "10", "--seed", "1").Succeeded();

        // Measured with seed 1: digit 1.602 -> 1.131, parity 0.486 -> 0.289.
        var first = run.Output.Epoch(1);
        var second = run.Output.Epoch(2);
        foreach (var (output, classes) in new[] { ("digit", 10), ("parity", 2) })
        {
            var key = "test_loss_" + output;
            Assert.True(second.Number(key) < first.Number(key), $"{key} did not fall: {first.Number(key)} then {second.Number(key)}");
            Assert.True(second.Number(key) < Math.Log(classes), $"{key}={second.Number(key)} is not below chance, ln({classes}).");
        }

        Assert.True(second.Number("test_loss") < first.Number("test_loss"));
        Assert.Equal(second.Number("test_accuracy_parity"), run.Output.SummaryNumber("test_accuracy_parity"), 1e-6);
        Assert.True(run.Output.HasSummary("test_accuracy"));
    }
}
