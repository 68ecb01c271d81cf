using System.Text.Json;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Tests.Training;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Robustness;

/// <summary>A run killed after its checkpoint wrote more metrics lines; the resumed run writes them again, once.</summary>
public sealed class MetricsResumeTests
{
    [Fact]
    public void Resuming_cuts_the_metrics_log_back_to_the_checkpoint_so_no_line_is_duplicated()
    {
        using var folder = new TempFolder();
        var train = TrainingData.Noisy(64, seed: 21);
        var options = TrainingData.Options() with { Epochs = 2, LogEvery = 1, CheckpointPath = folder.File("run.safetensors"), MetricsPath = folder.File("metrics.jsonl") };
        var uninterrupted = folder.File("uninterrupted.jsonl");
        TrainingRun.Of(Classifier, options with { CheckpointPath = null, MetricsPath = uninterrupted }, (t, c) => t.Fit(train, null, c));
        TrainingRun.Of(Classifier, options with { Epochs = 1 }, (t, c) => t.Fit(train, null, c));
        // What a SIGKILL in the second epoch leaves: lines of steps 5 and 6, after the checkpoint at step 4, and half a line.
        var killed = File.ReadAllLines(uninterrupted).Where(l => Step(l) is 5 or 6).Select(l => l + "\n").Append("{\"step\":7,\"ep");
        File.AppendAllText(options.MetricsPath!, string.Concat(killed));

        TrainingRun.Of(Classifier, options with { Resume = true }, (t, c) => t.Fit(train, null, c));

        var steps = File.ReadAllLines(options.MetricsPath!).Select(Step).ToList();
        Assert.Equal(File.ReadAllLines(uninterrupted).Select(Step), steps);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], steps);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    public void After_an_interruption_and_resume_the_log_is_the_uninterrupted_log_but_for_wall_clock_fields(long interruptAt)
    {
        using var folder = new TempFolder();
        var train = TrainingData.Noisy(64, seed: 21);
        var options = TrainingData.Options() with { Epochs = 2, LogEvery = 3, CheckpointPath = folder.File("run.safetensors"), MetricsPath = folder.File("metrics.jsonl") };
        var uninterrupted = folder.File("uninterrupted.jsonl");
        TrainingRun.Of(Classifier, options with { CheckpointPath = null, MetricsPath = uninterrupted }, (t, c) => t.Fit(train, null, c));

        var stopped = TrainingRun.Of(Classifier, options, (t, c) => t.Fit(train, null, c), cancelAtStep: interruptAt);
        TrainingRun.Of(Classifier, options with { Resume = true }, (t, c) => t.Fit(train, null, c));

        Assert.True(stopped.Result.Interrupted);
        Assert.Equal(WithoutWallClock(uninterrupted), WithoutWallClock(options.MetricsPath!));
    }

    /// <summary>Each line of the log without <c>samples_per_second</c>, the one field that measures time.</summary>
    private static string[] WithoutWallClock(string path)
        => [.. File.ReadAllLines(path).Select(line =>
        {
            var fields = JsonDocument.Parse(line).RootElement.EnumerateObject().Where(p => p.Name != "samples_per_second");
            return string.Join(",", fields.Select(p => $"{p.Name}={p.Value.GetRawText()}"));
        })];

    private static TinyThalNet Classifier(RandomSource random) => TinyThalNet.Classifier(random, TrainingData.Features, TrainingData.Classes);

    private static long Step(string line) => JsonDocument.Parse(line).RootElement.GetProperty("step").GetInt64();
}
