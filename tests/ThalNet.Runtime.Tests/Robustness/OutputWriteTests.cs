using ThalNet.Runtime.IO;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Tests.Training;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Robustness;

/// <summary>A file the run writes that cannot be written is one <see cref="OutputWriteException"/> naming it and the reason, found early when it can be.</summary>
public sealed class OutputWriteTests
{
    [Fact]
    public void One_path_for_the_checkpoint_and_the_metrics_log_is_refused_before_anything_runs()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.out");
        var options = TrainingData.Options() with { CheckpointPath = path, MetricsPath = Path.Combine(folder.Path, ".", "run.out") };

        var error = Assert.Throws<TrainerOptionsException>(() => new Trainer<TinyThalNet>(Classifier, options));

        Assert.Equal([$"MetricsPath names the checkpoint file too ('{options.MetricsPath}'); give the metrics log a path of its own."], error.Problems.Select(p => p.ToString()));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_metrics_log_on_a_full_device_is_one_exception_with_the_path_and_the_reason()
    {
        const string full = "/dev/full";
        if (!File.Exists(full))
        {
            Console.WriteLine($"Skipped: no {full} on this system.");
            return;
        }

        using var trainer = new Trainer<TinyThalNet>(Classifier, TrainingData.Options() with { Epochs = 1, LogEvery = 1, MetricsPath = full });

        var error = Assert.Throws<OutputWriteException>(() => trainer.Fit(TrainingData.Noisy(16, seed: 3)));

        Assert.Equal(full, error.FilePath);
        Assert.StartsWith($"cannot write '{full}': No space left on device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_under_a_file_is_one_exception_with_the_path_and_the_reason_and_leaves_nothing()
    {
        using var folder = new TempFolder();
        var file = folder.File("plain.txt");
        File.WriteAllText(file, "x");
        var target = Path.Combine(file, "report", "report.html");

        var error = Assert.Throws<OutputWriteException>(() => AtomicFile.WriteAllText(target, "<html/>"));

        Assert.Equal(target, error.FilePath);
        Assert.StartsWith($"cannot write '{target}': ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" : '", error.Message, StringComparison.Ordinal);
        Assert.Equal([file], Directory.GetFileSystemEntries(folder.Path));
    }

    private static TinyThalNet Classifier(RandomSource random) => TinyThalNet.Classifier(random, TrainingData.Features, TrainingData.Classes);
}
