using System.Text.Json;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

/// <summary>With several heads every metric names its output, and an every-step head of a non-text task is not called bits per character.</summary>
public class MetricsLabelTests
{
    private const string Number = @"\d+\.\d{6}";

    [Fact]
    public void An_every_step_head_of_a_non_text_task_reports_accuracy_per_output_everywhere()
    {
        using var folder = new TempFolder();
        var log = folder.File("metrics.jsonl");
        var output = new StringWriter();
        var data = new TagSource(TrainingData.Noisy(32, seed: 41));
        // Interval zero: a progress line after every batch but the last of an epoch, as plain output would get every 10 s.
        var options = TrainingData.Options() with { Epochs = 1, Output = output, MetricsPath = log, ProgressInterval = TimeSpan.Zero };

        var run = TrainingRun.Of(r => TinyThalNet.Tagger(r, TrainingData.Features, TrainingData.Classes), options, (t, c) => t.Fit(data, data, c));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^epoch 1  batch 1/2  loss \d+\.\d{4}  tag acc \d+\.\d%  label acc \d+\.\d%  \d+ samples/s$", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Matches(
            $"^epoch=1 train_loss={Number} train_accuracy={Number} test_loss={Number} test_accuracy={Number} epoch_seconds=\\S+ samples_per_second=\\d+ " +
            $"train_loss_tag={Number} train_accuracy_tag={Number} test_loss_tag={Number} test_accuracy_tag={Number} " +
            $"train_loss_label={Number} train_accuracy_label={Number} test_loss_label={Number} test_accuracy_label={Number}$",
            lines[1]);
        Assert.DoesNotContain("bpc", output.ToString(), StringComparison.Ordinal);
        var events = File.ReadAllLines(log).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["tag", "label", "tag", "label", "tag", "label"], events.Select(e => e.GetProperty("output").GetString()));
        Assert.All(events, e => Assert.False(e.TryGetProperty("bpc", out _)));

        var summary = run.Result.Epochs[0].ToString();
        Assert.Matches(@"^epoch 1 \(step 2\): train loss \d+\.\d{4} \(tag: loss \d+\.\d{4}, accuracy \d+\.\d{2}%; label: loss \d+\.\d{4}, accuracy \d+\.\d{2}%\); test loss .*; \d+\.\d s, \d+ samples/s$", summary);
        Assert.DoesNotContain("OutputMetrics", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_an_every_step_head_over_bytes_is_measured_in_bits_per_character()
    {
        Assert.True(OutputMetrics.MeasuresBitsPerCharacter(new OutputInfo("m", "next", 256, LossKind.CrossEntropy, EveryStep: true, 1f)));
        Assert.False(OutputMetrics.MeasuresBitsPerCharacter(new OutputInfo("m", "tag", 3, LossKind.CrossEntropy, EveryStep: true, 1f)));
        Assert.False(OutputMetrics.MeasuresBitsPerCharacter(new OutputInfo("m", "byte", 256, LossKind.CrossEntropy, EveryStep: false, 1f)));
    }

    [Fact]
    public void A_language_model_progress_line_shows_bits_per_character()
    {
        var output = new StringWriter();
        var text = TrainingData.Text(300);

        TrainingRun.Of(TinyThalNet.LanguageModel, TrainingData.Options() with { Epochs = 1, Output = output, ProgressInterval = TimeSpan.Zero }, (t, c) => t.Fit(new LanguageModelBatcher(text, 3, 4), null, c));

        Assert.Matches(@"^epoch 1  batch 1/\d+  loss \d+\.\d{4}  bpc \d+\.\d{3}  \d+ samples/s", output.ToString());
    }

    /// <summary>The dataset's values and labels, and a per-step tag: the sign pattern of the step's first value (3 classes).</summary>
    private sealed class TagSource(SequenceDataset data) : ISequenceSource
    {
        public int Count => data.Count;

        public int Steps => data.Steps;

        public void Fill(ReadOnlySpan<int> examples, SequenceBatch batch)
        {
            var values = batch.Dense[0]!.Data;
            var width = data.Features;
            for (var b = 0; b < examples.Length; b++)
            {
                var example = data.Sequence(examples[b]);
                for (var t = 0; t < Steps; t++)
                {
                    var step = example.Slice(t * width, width);
                    step.CopyTo(values.Slice(((t * batch.Batch) + b) * width, width));
                    batch.Targets[0][(t * batch.Batch) + b] = step[0] < -0.3f ? 0 : step[0] > 0.3f ? 2 : 1;
                }

                batch.Targets[1][b] = data.Labels.Span[examples[b]];
            }
        }
    }
}
