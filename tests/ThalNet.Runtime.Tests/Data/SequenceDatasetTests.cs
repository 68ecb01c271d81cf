using System;
using System.Linq;
using ThalNet.Runtime.Data;

namespace ThalNet.Runtime.Tests.Data;

public class SequenceDatasetTests
{
    // 4 examples, 3 steps, 2 features: value = example * 100 + step * 10 + feature.
    private static SequenceDataset Small() => new(
        Enumerable.Range(0, 4 * 3 * 2).Select(i => (float)(((i / 6) * 100) + ((i / 2 % 3) * 10) + (i % 2))).ToArray(),
        new[] { 0, 1, 2, 1 },
        steps: 3,
        features: 2,
        classes: 3);

    [Fact]
    public void FillBatch_writes_time_major_steps_batch_features()
    {
        var data = Small();
        var inputs = new float[data.BatchInputLength(2)];
        var labels = new int[2];

        data.FillBatch([3, 1], inputs, labels);

        Assert.Equal([1, 1], labels);
        for (var t = 0; t < 3; t++)
        {
            for (var b = 0; b < 2; b++)
            {
                var example = b == 0 ? 3 : 1;
                for (var f = 0; f < 2; f++)
                {
                    Assert.Equal((example * 100) + (t * 10) + f, inputs[(((t * 2) + b) * 2) + f]);
                }
            }
        }
    }

    [Fact]
    public void FillBatch_writes_only_the_prefix_of_a_larger_buffer()
    {
        var data = Small();
        var inputs = Enumerable.Repeat(-1f, data.BatchInputLength(4)).ToArray();
        var labels = new[] { -1, -1, -1, -1 };

        data.FillBatch([2], inputs, labels);

        Assert.Equal([200f, 201, 210, 211, 220, 221], inputs[..6]);
        Assert.All(inputs[6..], v => Assert.Equal(-1f, v));
        Assert.Equal([2, -1, -1, -1], labels);
    }

    [Fact]
    public void FillBatch_rejects_short_buffers_and_bad_indices()
    {
        var data = Small();

        Assert.Throws<ArgumentException>(() => data.FillBatch([0, 1], new float[11], new int[2]));
        Assert.Throws<ArgumentException>(() => data.FillBatch([0, 1], new float[12], new int[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.FillBatch([4], new float[6], new int[1]));
    }

    [Fact]
    public void Constructor_checks_shapes_and_labels()
    {
        Assert.Throws<ArgumentException>(() => new SequenceDataset(new float[5], new int[1], 2, 3, 2));
        Assert.Throws<ArgumentException>(() => new SequenceDataset(new float[6], new[] { 2 }, 2, 3, 2));
    }

    [Fact]
    public void Slice_shares_storage_and_keeps_shape()
    {
        var part = Small().Slice(1, 2);

        Assert.Equal(2, part.Count);
        Assert.Equal([1, 2], part.Labels.ToArray());
        Assert.Equal(100f, part.Sequence(0)[0]);
        Assert.Equal(221f, part.Sequence(1)[^1]);
    }
}
