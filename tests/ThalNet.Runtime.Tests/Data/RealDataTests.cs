using System.Linq;
using ThalNet.Runtime.Data;
using Xunit.Abstractions;

namespace ThalNet.Runtime.Tests.Data;

/// <summary>Checks on the real data when it is available; each test passes with a message when it is not.</summary>
public class RealDataTests(ITestOutputHelper output)
{
    [Fact]
    public void Mnist_8k2k_loads_with_the_expected_counts_labels_and_pixels()
    {
        var folder = SharedData.Find("mnist-8k2k");
        if (folder is null)
        {
            output.WriteLine($"SKIPPED: mnist-8k2k not found; set {SharedData.Variable} to the shared data folder to run this test.");
            return;
        }

        var train = MnistReader.Load(folder, DataSplit.Train);
        var test = MnistReader.Load(folder, DataSplit.Test);

        Assert.Equal(8000, train.Count);
        Assert.Equal(2000, test.Count);
        foreach (var set in new[] { train, test })
        {
            var labels = set.Labels.ToArray();
            Assert.All(labels, l => Assert.InRange(l, 0, 9));
            Assert.Equal(10, labels.Distinct().Count());
            var pixels = set.Pixels.Span;
            float min = float.MaxValue, max = float.MinValue;
            foreach (var p in pixels)
            {
                min = System.Math.Min(min, p);
                max = System.Math.Max(max, p);
            }

            Assert.Equal(0f, min);
            Assert.Equal(1f, max);
        }

        var rows = MnistSequences.Rows(test);
        Assert.Equal((2000, 28, 28), (rows.Count, rows.Steps, rows.Features));
        output.WriteLine($"mnist-8k2k from {folder}: first train labels {string.Join(",", train.Labels.ToArray().Take(10))}");
    }

    [Fact]
    public void Tiny_shakespeare_splits_and_batches()
    {
        var folder = SharedData.Find("tinyshakespeare");
        if (folder is null)
        {
            output.WriteLine($"SKIPPED: tinyshakespeare not found; set {SharedData.Variable} to the shared data folder to run this test.");
            return;
        }

        var corpus = ByteCorpus.Load(System.IO.Path.Combine(folder, "input.txt"));

        Assert.Equal(1_115_394, corpus.All.Length);
        Assert.Equal(1_003_854, corpus.Train.Length);
        Assert.StartsWith("First Citizen", System.Text.Encoding.ASCII.GetString(corpus.Train.Span[..13]));
        var batcher = new LanguageModelBatcher(corpus.Train, batchSize: 50, segmentLength: 100);
        Assert.Equal((1_003_854 / 50 - 1) / 100, batcher.SegmentCount);
    }
}
