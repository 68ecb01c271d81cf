using System.Text.Json;
using ThalNet.Examples.Tests.Infrastructure;
using ThalNet.Runtime.Tests.TensorBoard;

namespace ThalNet.Examples.Tests;

/// <summary>
/// <c>SequentialMnist --tensorboard DIR --keep-best test/digit/accuracy</c>: event files that an independent decoder
/// reads with valid CRCs, the tags of every split, output and metric with the metrics log's values, the learning
/// rate, throughput and reading-weight histograms; and the best checkpoint beside the last.
/// </summary>
public sealed class TensorBoardTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Fact]
    public void SequentialMnist_writes_tensorboard_events_equal_to_its_metrics_log_and_keeps_the_best_checkpoint()
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        var board = Temp.File("board");
        var metrics = Temp.File("metrics.jsonl");
        var checkpoint = Temp.File("mnist.safetensors");
        Runner.Run(
            "SequentialMnist", "--data", data, "--epochs", "2", "--max-batches", "12", "--max-eval-batches", "2", "--seed", "1",
            "--checkpoint", checkpoint, "--metrics", metrics, "--tensorboard", board, "--keep-best", "test/digit/accuracy",
            "--lr-schedule", "exp:0.5", "--warmup", "3").Succeeded();

        var events = EventFileDecoder.ReadFolder(board);
        var scalars = events.SelectMany(e => e.Scalars.Select(s => (e.Step, s.Tag, s.Value))).ToList();
        foreach (var line in File.ReadAllLines(metrics))
        {
            var json = JsonDocument.Parse(line).RootElement;
            var step = json.GetProperty("step").GetInt64();
            var prefix = $"{json.GetProperty("split").GetString()}/{json.GetProperty("output").GetString()}/";
            Assert.Contains((step, prefix + "loss", (float)json.GetProperty("loss").GetDouble()), scalars);
            Assert.Contains((step, prefix + "accuracy", (float)json.GetProperty("accuracy").GetDouble()), scalars);
        }

        Assert.Contains(scalars, s => s.Tag == "test/digit/accuracy");
        Assert.Contains(scalars, s => s.Tag == "train/digit/loss");
        Assert.Contains(scalars, s => s.Tag == "train/learning_rate");
        Assert.Contains(scalars, s => s.Tag == "train/samples_per_second" && s.Value > 0);
        Assert.Contains(events.SelectMany(e => e.Histograms), h => h.Tag.StartsWith("reading/", StringComparison.Ordinal));
        Assert.True(File.Exists(Temp.File("mnist.best.safetensors")), "--keep-best wrote no best checkpoint beside the last");
    }
}
