using ThalNet.Examples.Tests.Infrastructure;
using ThalNet.Runtime.IO;

namespace ThalNet.Examples.Tests;

/// <summary>The analyze command as a new user meets it: its help, a checkpoint of another model, and analyze right after a plain training run.</summary>
public sealed class AnalyzeCommandTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Fact]
    public void Analyze_help_lists_only_the_options_analysis_uses()
    {
        var run = Runner.Run("SequentialCifar10", "analyze", "--help").Succeeded();

        foreach (var option in new[] { "--data", "--checkpoint", "--metrics", "--out", "--example", "--batch-size", "--max-eval-batches" })
        {
            Assert.Contains(option, run.StandardOutput, StringComparison.Ordinal);
        }

        foreach (var option in new[] { "--epochs", "--lr", "--resume", "--seed", "--max-batches ", "--clip", "--lr-decay-to" })
        {
            Assert.DoesNotContain(option, run.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_checkpoint_of_another_model_gets_one_short_line_saying_how_it_differs()
    {
        TinyCifar.Write(Temp.Path, recordsPerFile: 10);
        var foreign = Temp.File("foreign.safetensors");
        SafeTensorsWriter.WriteFile(foreign,
            [new TensorEntry("vision.read.w", [32, 128], new float[32 * 128]), new TensorEntry("other.weight", [2, 2], new float[4])],
            new Dictionary<string, string> { ["model"] = "OtherNet" });

        var run = Runner.Run("SequentialCifar10", "analyze", "--data", Temp.Path, "--checkpoint", foreign).FailedCleanly();

        var error = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(
            $"^error: Checkpoint '{System.Text.RegularExpressions.Regex.Escape(foreign)}' cannot be read: it was written by model 'OtherNet' with other parameters than model 'SequentialCifar10Net': " +
            @"\d+ missing \(e\.g\. 'vision\.read\.beta', 'vision\.ff\.weight'\), 1 unexpected \('other\.weight'\)\. " +
            @"Load it into the model that trained it: the same spec \(or model class\) and the same options\.$",
            error);
        Assert.DoesNotContain("Resume", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_works_right_after_a_plain_training_run()
    {
        TinyCifar.Write(Temp.Path, recordsPerFile: 20);

        Runner.Run("SequentialCifar10", "--data", Temp.Path, "--epochs", "1", "--batch-size", "10").Succeeded();
        var run = Runner.Run("SequentialCifar10", "analyze", "--data", Temp.Path, "--batch-size", "10").Succeeded();

        Assert.True(File.Exists(Temp.File("SequentialCifar10.safetensors")), "training wrote no default checkpoint");
        Assert.Contains("report=SequentialCifar10.safetensors.report", run.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Temp.File(Path.Combine("SequentialCifar10.safetensors.report", "curve-loss.svg"))), "the default metrics log gave no curves");
    }
}
