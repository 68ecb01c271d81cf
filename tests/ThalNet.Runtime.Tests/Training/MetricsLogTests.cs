using System.Text.Json;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

public class MetricsLogTests
{
    [Fact]
    public void Every_line_is_a_json_object_and_a_resumed_run_appends_to_the_log()
    {
        using var folder = new TempFolder();
        var log = folder.File("logs/metrics.jsonl");
        var train = TrainingData.Noisy(16 * 16, seed: 31);
        var test = TrainingData.Noisy(20, seed: 32);
        var options = TrainingData.Options() with { Epochs = 2, LogEvery = 4, MetricsPath = log, CheckpointPath = folder.File("run.safetensors") };
        TrainingRun.Of(Classifier, options, (t, c) => t.Fit(train, test, c), cancelAtStep: 10);
        var linesBefore = File.ReadAllLines(log);

        TrainingRun.Of(Classifier, options with { Resume = true }, (t, c) => t.Fit(train, test, c));

        var lines = File.ReadAllLines(log);
        Assert.Equal(linesBefore, lines[..linesBefore.Length]);
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(events, e =>
        {
            Assert.Equal("label", e.GetProperty("output").GetString());
            Assert.InRange(e.GetProperty("loss").GetDouble(), 0, 10);
            Assert.InRange(e.GetProperty("accuracy").GetDouble(), 0, 1);
        });
        // Train events after the first step, every 4 steps and at each epoch end (the interruption's window goes into the checkpoint); test events at each epoch end.
        Assert.Equal([1, 4, 8, 12, 16, 20, 24, 28, 32], Steps(events, "train"));
        Assert.Equal([16, 32], Steps(events, "test"));
        Assert.Equal([1, 2], events.Where(e => e.GetProperty("split").GetString() == "test").Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.All(events.Where(e => e.GetProperty("split").GetString() == "train"), e => Assert.True(e.GetProperty("samples_per_second").GetDouble() > 0));
    }

    [Fact]
    public void Language_model_events_report_bits_per_character_and_multi_task_events_each_output()
    {
        using var folder = new TempFolder();
        var lmLog = folder.File("lm.jsonl");
        var text = TrainingData.Text(300);
        TrainingRun.Of(TinyThalNet.LanguageModel, TrainingData.Options() with { Epochs = 1, MetricsPath = lmLog }, (t, c) => t.Fit(new LanguageModelBatcher(text, 3, 4), null, c));
        var multiLog = folder.File("multi.jsonl");
        var data = TrainingData.Noisy(32, seed: 33);
        TrainingRun.Of(r => TinyThalNet.MultiTask(r, TrainingData.Features, TrainingData.Classes), TrainingData.Options() with { Epochs = 1, MetricsPath = multiLog }, (t, c) =>
        {
            var source = new SequenceDatasetSource(data, t.Model.Info).WithLabels("parity", TrainingData.Parity(data));
            return t.Fit(source, source, c);
        });

        var lm = JsonDocument.Parse(File.ReadAllLines(lmLog)[0]).RootElement;
        var multi = File.ReadAllLines(multiLog).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(lm.GetProperty("loss").GetDouble() / Math.Log(2), lm.GetProperty("bpc").GetDouble(), 9);
        // Train events after the first step and at the epoch end, then the test event.
        Assert.Equal(["label", "parity", "label", "parity", "label", "parity"], multi.Select(e => e.GetProperty("output").GetString()));
        Assert.False(multi[0].TryGetProperty("bpc", out _));
    }

    [Fact]
    public void Each_epoch_prints_one_machine_readable_line()
    {
        var output = new StringWriter();
        var train = TrainingData.Noisy(64, seed: 34);
        var test = TrainingData.Noisy(20, seed: 35);
        TrainingRun.Of(Classifier, TrainingData.Options() with { Epochs = 2, Output = output, Progress = true }, (t, c) => t.Fit(train, test, c));
        var lmOutput = new StringWriter();
        var text = TrainingData.Text(300);
        TrainingRun.Of(TinyThalNet.LanguageModel, TrainingData.Options() with { Epochs = 1, Output = lmOutput }, (t, c) => t.Fit(new LanguageModelBatcher(text, 3, 4), new LanguageModelBatcher(text, 2, 4), c));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lm = lmOutput.ToString().Trim();

        Assert.Equal(2, lines.Length);
        const string Number = @"\d+\.\d{6}";
        Assert.Matches($"^epoch=2 train_loss={Number} train_accuracy={Number} test_loss={Number} test_accuracy={Number} epoch_seconds=\\d+\\.\\d{{3}} samples_per_second=\\d+$", lines[1]);
        Assert.Matches($"^epoch=1 train_loss={Number} train_bpc={Number} test_loss={Number} test_bpc={Number} epoch_seconds=", lm);
    }

    private static TinyThalNet Classifier(RandomSource random) => TinyThalNet.Classifier(random, TrainingData.Features, TrainingData.Classes);

    private static long[] Steps(List<JsonElement> events, string split) =>
        [.. events.Where(e => e.GetProperty("split").GetString() == split).Select(e => e.GetProperty("step").GetInt64())];
}
