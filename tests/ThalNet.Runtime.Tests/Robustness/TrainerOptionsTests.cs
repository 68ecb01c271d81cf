using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Tests.Training;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Robustness;

/// <summary>Options that cannot train are found before anything loads, each problem under its property's name.</summary>
public sealed class TrainerOptionsTests
{
    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(0f, "0")]
    [InlineData(-1e-3f, "-0.001")]
    public void A_learning_rate_that_is_not_positive_and_finite_is_refused(float rate, string shown)
    {
        var problem = Assert.Single((TrainingData.Options() with { LearningRate = rate }).Problems());

        Assert.Equal(new TrainerOptionProblem("LearningRate", $"must be a positive finite number, got {shown}"), problem);
    }

    [Fact]
    public void Every_count_below_its_minimum_is_listed_and_the_trainer_refuses_them_all_at_once()
    {
        var options = TrainingData.Options() with { Epochs = -1, BatchSize = 0, Workers = 0, MaxBatchesPerEpoch = 0, MaxEvaluationBatches = -2, Resume = true };

        var error = Assert.Throws<TrainerOptionsException>(() => new Trainer<TinyThalNet>(r => TinyThalNet.Classifier(r, 4, 4), options));

        Assert.Equal(
            [
                "Epochs must be 0 or more, got -1.",
                "BatchSize must be at least 1, got 0.",
                "Workers must be at least 1, got 0.",
                "MaxBatchesPerEpoch must be at least 1, got 0.",
                "MaxEvaluationBatches must be at least 1, got -2.",
                "Resume needs a checkpoint file to resume from; set CheckpointPath.",
            ],
            error.Problems.Select(p => p.ToString()));
        Assert.Equal("--batch-size must be at least 1, got 0.", error.Problems[1].Describe(name => name == "BatchSize" ? "--batch-size" : name));
    }

    [Fact]
    public void A_checkpoint_or_metrics_path_that_cannot_be_written_is_found_before_training()
    {
        using var folder = new TempFolder();
        var file = folder.File("plain.txt");
        File.WriteAllText(file, "x");

        var problems = (TrainingData.Options() with { CheckpointPath = folder.Path, MetricsPath = Path.Combine(file, "metrics.jsonl") }).Problems();

        Assert.Equal(
            [
                $"CheckpointPath '{folder.Path}' is a folder; give a file path, e.g. '{Path.Combine(folder.Path, "model.safetensors")}'.",
                $"MetricsPath '{Path.Combine(file, "metrics.jsonl")}' cannot be created: '{file}' is a file, not a folder.",
            ],
            problems.Select(p => p.ToString()));
        Assert.Empty((TrainingData.Options() with { CheckpointPath = folder.File("new/deeper/run.safetensors"), MetricsPath = file }).Problems());
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
    }
}
