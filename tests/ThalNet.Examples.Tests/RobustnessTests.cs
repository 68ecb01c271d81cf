using ThalNet.Examples.Tests.Infrastructure;
using ThalNet.Runtime.IO;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Tests.Robustness;

namespace ThalNet.Examples.Tests;

/// <summary>
/// What a hostile but fair user can do to an example program: every expected failure is one <c>error:</c> line
/// that names the option or file, and a non-zero exit; a diverging run stops instead of training on NaN.
/// </summary>
public sealed class RobustnessTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Theory]
    [InlineData("SequentialMnist", "--epochs", "-1", "--epochs must be 0 or more, got -1.")]
    [InlineData("SequentialMnist", "--batch-size", "0", "--batch-size must be at least 1, got 0.")]
    [InlineData("SequentialMnist", "--max-eval-batches", "0", "--max-eval-batches must be at least 1, got 0.")]
    [InlineData("SequentialMnist", "--max-batches", "-5", "--max-batches must be at least 1, got -5.")]
    [InlineData("SequentialMnist", "--lr", "0", "--lr must be a positive finite number, got 0.")]
    [InlineData("SequentialMnist", "--lr", "NaN", "--lr must be a positive finite number, got NaN.")]
    [InlineData("CharLanguageModel", "--lr", "Infinity", "--lr must be a positive finite number, got Infinity.")]
    [InlineData("CharLanguageModel", "--clip", "-1", "--clip must be a positive finite number, got -1.")]
    public void A_bad_option_is_one_error_line_before_any_data_loads(string example, string option, string? value, string expected)
    {
        // The data folder does not exist: the option must be refused first.
        string[] arguments = ["--data", Temp.File("no-such-data"), option, .. value is null ? Array.Empty<string>() : [value]];

        var run = Runner.Run(example, arguments).FailedCleanly();

        Assert.Equal("error: " + expected, OneLine(run));
        Assert.Equal(string.Empty, run.StandardOutput);
    }

    [Fact]
    public void A_checkpoint_or_metrics_path_that_cannot_be_written_is_refused_before_training()
    {
        var file = Temp.File("notes.txt");
        File.WriteAllText(file, "x");

        var run = Runner.Run("SequentialMnist", "--data", Temp.File("no-such-data"), "--checkpoint", Temp.Path, "--metrics", Path.Combine(file, "metrics.jsonl")).FailedCleanly();

        Assert.Equal(
            $"error: --checkpoint '{Temp.Path}' is a folder; give a file path, e.g. '{Path.Combine(Temp.Path, "model.safetensors")}'. "
            + $"--metrics '{Path.Combine(file, "metrics.jsonl")}' cannot be created: '{file}' is a file, not a folder.",
            OneLine(run));
    }

    [Fact]
    public void A_huge_learning_rate_stops_with_the_non_finite_value_and_its_step()
    {
        var data = TinyMnist(train: 200, test: 20);
        var checkpoint = Temp.File("run.safetensors");

        var run = Runner.Run("SequentialMnist", "--data", data, "--lr", "1e30", "--epochs", "1", "--batch-size", "10", "--checkpoint", checkpoint).FailedCleanly();

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^error: training diverged at step (\d+) \(epoch 1, batch \1\): (the loss is (NaN|Infinity)|the optimizer step made the parameter '[\w.]+'\[\d+\] = (NaN|-?Infinity)|the gradient '[\w.]+'\[\d+\] = \S+ is not finite)", OneLine(run));
        Assert.False(File.Exists(checkpoint), "a diverged run must not save its state");
        Assert.DoesNotContain("test_accuracy", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_with_one_flipped_bit_in_a_weight_is_refused_naming_the_file()
    {
        var data = TinyMnist(train: 40, test: 20);
        var checkpoint = Temp.File("run.safetensors");
        string[] common = ["--data", data, "--batch-size", "10", "--checkpoint", checkpoint];
        Runner.Run("SequentialMnist", [.. common, "--epochs", "1"]).Succeeded();
        var weight = SafeTensorsReader.ReadFile(checkpoint).Tensors.First(t => !t.Name.StartsWith("optimizer.", StringComparison.Ordinal) && t.Data.Length > 100).Name;
        CheckpointBytes.FlipBit(checkpoint, weight, index: 42, bit: 3);

        var resumed = Runner.Run("SequentialMnist", [.. common, "--epochs", "2", "--resume"]).FailedCleanly();
        var analyzed = Runner.Run("SequentialMnist", ["analyze", .. common]).FailedCleanly();

        foreach (var run in new[] { resumed, analyzed })
        {
            Assert.StartsWith($"error: Checkpoint '{checkpoint}' cannot be read: its tensors do not match the checksum in its metadata", OneLine(run), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Analyze_warns_about_non_finite_weights_and_stops_at_a_malformed_metrics_log()
    {
        var data = TinyMnist(train: 40, test: 20);
        var checkpoint = Temp.File("run.safetensors");
        var metrics = Temp.File("metrics.jsonl");
        string[] common = ["--data", data, "--batch-size", "10", "--checkpoint", checkpoint, "--metrics", metrics, "--max-eval-batches", "1"];
        Runner.Run("SequentialMnist", [.. common, "--epochs", "1"]).Succeeded();
        var weight = SafeTensorsReader.ReadFile(checkpoint).Tensors.First(t => !t.Name.StartsWith("optimizer.", StringComparison.Ordinal)).Name;
        CheckpointBytes.EditTensor(checkpoint, weight, values => values[0] = float.NaN);
        File.AppendAllText(metrics, "{\"step\": \"four\"}\n");

        var run = Runner.Run("SequentialMnist", ["analyze", .. common, "--out", Temp.File("report")]).FailedCleanly();

        var lines = run.StandardError.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal($"warning: checkpoint '{checkpoint}' holds a non-finite parameter, '{weight}'[0] = NaN; the report will show the damage, not what a trained model learned.", lines[0]);
        Assert.StartsWith($"error: {metrics} line ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_larger_than_the_training_set_is_one_error_line()
    {
        var data = TinyMnist(train: 30, test: 10);

        var run = Runner.Run("SequentialMnist", "--data", data, "--batch-size", "50").FailedCleanly();

        Assert.Equal($"error: --batch-size 50 is more than the 30 training examples in '{data}'; use a --batch-size of at most 30.", OneLine(run));
    }

    [Fact]
    public void Mnist_files_with_no_images_are_refused_naming_the_file()
    {
        var data = TinyMnist(train: 0, test: 10);

        var run = Runner.Run("SequentialMnist", "--data", data).FailedCleanly();

        Assert.StartsWith($"error: {Path.Combine(data, "train-images-idx3-ubyte")}: holds 0 images", OneLine(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_given_as_a_file_instead_of_a_folder_says_so()
    {
        var data = TinyMnist(train: 10, test: 10);
        var file = Path.Combine(data, "train-images-idx3-ubyte");

        var run = Runner.Run("SequentialMnist", "--data", file).FailedCleanly();

        Assert.StartsWith($"error: {file}: is a file, but the MNIST location must be the folder", OneLine(run), StringComparison.Ordinal);
    }

    [Fact]
    public void A_corpus_too_small_for_one_batch_is_refused_naming_the_file()
    {
        var corpus = Temp.File("input.txt");
        File.WriteAllText(corpus, new string('a', 2000));

        var run = Runner.Run("CharLanguageModel", "--data", corpus, "--batch-size", "10").FailedCleanly();

        Assert.Equal($"error: {corpus}: its test part has 100 bytes, too few for one batch of 10 streams of 51 bytes. Use a larger corpus, or a smaller --batch-size.", OneLine(run));
    }
}
