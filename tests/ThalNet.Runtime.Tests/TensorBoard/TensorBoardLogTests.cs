using System.Text.Json;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Tests.Training;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.TensorBoard;

/// <summary>
/// The engine trainer's TensorBoard event files, read back by the tests' own decoder: valid framing and CRCs, one
/// scalar per split, output and metric equal to the JSON-lines metrics, the learning rate, samples per second,
/// reading-weight histograms at every evaluation, and a session start where a resumed run continues.
/// </summary>
public sealed class TensorBoardLogTests
{
    [Fact]
    public void Event_files_hold_the_metrics_log_values_under_split_output_metric_tags()
    {
        using var folder = new TempFolder();
        var board = folder.File("board");
        var metrics = folder.File("metrics.jsonl");
        var train = TrainingData.Noisy(16 * 6, seed: 3);
        var test = TrainingData.Noisy(32, seed: 4);
        var options = TrainingData.Options() with { Epochs = 2, LogEvery = 2, MetricsPath = metrics, TensorBoardPath = board, Schedule = LearningRateSchedule.Exponential(0.5) };
        using (var trainer = new Trainer<TinyThalNet>(r => TinyThalNet.Classifier(r, TrainingData.Features, TrainingData.Classes), options))
        {
            trainer.Fit(train, test);
        }

        var events = EventFileDecoder.ReadFolder(board);

        Assert.Equal("brain.Event:2", events[0].FileVersion);
        var scalars = events.SelectMany(e => e.Scalars.Select(s => (e.Step, s.Tag, s.Value))).ToList();
        var expected = new List<(long Step, string Tag, float Value)>();
        foreach (var line in File.ReadAllLines(metrics))
        {
            var json = JsonDocument.Parse(line).RootElement;
            var step = json.GetProperty("step").GetInt64();
            var split = json.GetProperty("split").GetString()!;
            var output = json.GetProperty("output").GetString()!;
            foreach (var metric in new[] { "loss", "accuracy", "mse", "rmse", "bpc" })
            {
                if (json.TryGetProperty(metric, out var value))
                {
                    expected.Add((step, $"{split}/{output}/{metric}", (float)value.GetDouble()));
                }
            }

            if (json.TryGetProperty("samples_per_second", out var rate))
            {
                expected.Add((step, $"{split}/samples_per_second", (float)rate.GetDouble()));
                var epoch = json.GetProperty("epoch").GetInt32();
                expected.Add((step, $"{split}/learning_rate", options.LearningRateAt(epoch)));
            }
        }

        Assert.Contains(expected, e => e.Tag == "test/label/accuracy");
        Assert.Contains(expected, e => e.Tag == "train/label/loss");
        Assert.Equal(expected.Order(), scalars.Order());
        var histograms = events.Where(e => e.Histograms.Count > 0).GroupBy(e => e.Step).ToList();
        Assert.Equal(expected.Where(e => e.Tag.StartsWith("test/", StringComparison.Ordinal)).Select(e => e.Step).Distinct(), histograms.Select(h => h.Key));
        var reading = histograms[^1].SelectMany(e => e.Histograms).ToList();
        Assert.NotEmpty(reading);
        Assert.All(reading, h => Assert.StartsWith("reading/", h.Tag, StringComparison.Ordinal));
        Assert.All(reading, h => Assert.Equal(h.Histogram.Count, h.Histogram.Buckets.Sum()));
        Assert.All(reading, h => Assert.True(h.Histogram.Min <= h.Histogram.Max));
    }

    [Fact]
    public void A_resumed_run_starts_a_new_event_file_with_a_session_start_at_the_checkpoint_step()
    {
        using var folder = new TempFolder();
        var board = folder.File("board");
        var train = TrainingData.Noisy(16 * 6, seed: 3);
        var options = TrainingData.Options() with { Epochs = 2, LogEvery = 2, TensorBoardPath = board, CheckpointPath = folder.File("run.safetensors") };
        TrainingRun.Of(r => TinyThalNet.Classifier(r, TrainingData.Features, TrainingData.Classes), options, (t, c) => t.Fit(train, null, c), cancelAtStep: 4);
        Thread.Sleep(1100); // event files are named by the second they start in

        TrainingRun.Of(r => TinyThalNet.Classifier(r, TrainingData.Features, TrainingData.Classes), options with { Resume = true }, (t, c) => t.Fit(train, null, c));

        var files = Directory.GetFiles(board, "events.out.tfevents.*");
        Assert.Equal(2, files.Length);
        var resumed = files.Select(f => EventFileDecoder.Read(File.ReadAllBytes(f))).Single(e => e.Any(x => x.SessionStatus is not null));
        Assert.Equal(4, resumed.Single(e => e.SessionStatus is not null).Step);
        Assert.Equal(1, resumed.Single(e => e.SessionStatus is not null).SessionStatus);
    }
}
