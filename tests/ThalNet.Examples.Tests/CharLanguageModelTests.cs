using ThalNet.Examples.Tests.Infrastructure;

namespace ThalNet.Examples.Tests;

public sealed class CharLanguageModelTests(ITestOutputHelper log) : ExampleTest(log)
{
    /// <summary>Bits per character of a uniform guess over 256 byte values.</summary>
    private const double UniformBits = 8;

    [Fact]
    public void A_second_short_epoch_lowers_the_bits_per_character()
    {
        if (ExampleData.Find(ExampleData.Shakespeare, Log) is not { } data)
        {
            return;
        }

        var run = Runner.Run("CharLanguageModel", "--data", data, "--epochs", "2", "--max-batches", "30", "--max-eval-batches", "10", "--seed", "1").Succeeded();

        // Measured with seed 1: test_bpc 4.887 after epoch 1, 4.860 after epoch 2; train_bpc 5.22 then 4.79.
        var first = run.Output.Epoch(1);
        var second = run.Output.Epoch(2);
        Assert.True(second.Number("test_bpc") < first.Number("test_bpc"), $"test_bpc did not fall: {first} / {second}");
        Assert.True(second.Number("train_bpc") < first.Number("train_bpc"), $"train_bpc did not fall: {first} / {second}");
        var bpc = run.Output.SummaryNumber("test_bpc");
        Assert.Equal(second.Number("test_bpc"), bpc, 1e-6);
        Assert.True(bpc < UniformBits - 2.5, $"test_bpc={bpc}; expected well below the {UniformBits} bits of a uniform guess.");
        Assert.True(run.Output.HasSummary("test_loss"));
        Assert.True(run.Output.SummaryNumber("epoch_seconds") > 0);
    }
}
