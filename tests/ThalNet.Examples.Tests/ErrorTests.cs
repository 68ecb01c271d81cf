using ThalNet.Examples.Tests.Infrastructure;

namespace ThalNet.Examples.Tests;

/// <summary>Mistakes a user makes get one clear message (what is missing, how to get it) and a non-zero exit, not a stack trace.</summary>
public sealed class ErrorTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Theory]
    [InlineData("SequentialMnist", "train-images-idx3-ubyte")]
    [InlineData("MultiTask", "train-images-idx3-ubyte")]
    [InlineData("SequentialCifar10", "data_batch_1.bin")]
    [InlineData("CharLanguageModel", "input.txt")]
    [InlineData("GruBaseline", "input.txt", "--task", "text")]
    public void A_missing_data_folder_names_what_is_missing_and_how_to_get_it(string example, string file, params string[] task)
    {
        var missing = Temp.File("no-such-data");

        var run = Runner.Run(example, [.. task, "--data", missing, "--epochs", "1"]).FailedCleanly();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(missing, run.StandardError, StringComparison.Ordinal);
        Assert.Contains(file, run.StandardError, StringComparison.Ordinal);
        Assert.Contains("--data", run.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SequentialMnist", "train-images-idx3-ubyte.gz")]
    [InlineData("CharLanguageModel", "input.txt")]
    public void An_empty_data_folder_names_the_missing_file(string example, string file)
    {
        var run = Runner.Run(example, "--data", Temp.Path, "--epochs", "1").FailedCleanly();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.Combine(Temp.Path, file) + ": file not found", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_without_a_checkpoint_file_says_so()
    {
        TinyCifar.Write(Temp.Path, recordsPerFile: 10);
        var checkpoint = Temp.File("never-trained.safetensors");

        var run = Runner.Run("SequentialCifar10", "analyze", "--data", Temp.Path, "--checkpoint", checkpoint).FailedCleanly();

        Assert.Contains($"no checkpoint at '{checkpoint}'", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_of_the_gru_baseline_explains_there_is_nothing_to_analyse()
    {
        var run = Runner.Run("GruBaseline", "analyze", "--data", Temp.Path, "--checkpoint", Temp.File("gru.safetensors")).FailedCleanly();

        Assert.Contains("no center", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Resuming_from_a_corrupt_or_foreign_checkpoint_says_what_is_wrong()
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        string[] common = ["--data", data, "--max-batches", "1", "--max-eval-batches", "1"];
        var corrupt = Temp.File("corrupt.safetensors");
        File.WriteAllBytes(corrupt, [1, 2, 3]);
        var run = Runner.Run("SequentialMnist", [.. common, "--epochs", "2", "--checkpoint", corrupt, "--resume"]).FailedCleanly();
        Assert.Contains($"Checkpoint '{corrupt}' cannot be read", run.StandardError, StringComparison.Ordinal);

        // A checkpoint of another model with the same shapes: caught by the model name in its metadata.
        var sequential = Temp.File("sequential.safetensors");
        Runner.Run("SequentialMnist", [.. common, "--epochs", "1", "--checkpoint", sequential]).Succeeded();
        run = Runner.Run("PermutedMnist", [.. common, "--epochs", "2", "--checkpoint", sequential, "--resume"]).FailedCleanly();
        Assert.Contains("model 'SequentialMnistNet', but this run uses model 'PermutedMnistNet'", run.StandardError, StringComparison.Ordinal);
    }
}
