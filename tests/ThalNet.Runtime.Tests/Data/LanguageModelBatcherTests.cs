using System;
using System.Linq;
using ThalNet.Runtime.Data;

namespace ThalNet.Runtime.Tests.Data;

public class LanguageModelBatcherTests
{
    // Byte i has value i mod 251 (a prime, so positions are easy to read back).
    private static byte[] Corpus(int length) => Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();

    [Fact]
    public void Streams_are_contiguous_parts_and_segments_count_whole_steps()
    {
        // 103 bytes, 4 streams: 25 bytes each (3 dropped); (25 - 1) / 5 = 4 segments.
        var batcher = new LanguageModelBatcher(Corpus(103), batchSize: 4, segmentLength: 5);

        Assert.Equal(25, batcher.StreamLength);
        Assert.Equal(4, batcher.SegmentCount);
        Assert.Equal(20, batcher.TokensPerSegment);
    }

    [Fact]
    public void Targets_are_the_next_byte_and_streams_continue_across_segments()
    {
        var data = Corpus(1000);
        var batcher = new LanguageModelBatcher(data, batchSize: 3, segmentLength: 7);
        var inputs = new int[batcher.TokensPerSegment];
        var targets = new int[batcher.TokensPerSegment];
        var streams = Enumerable.Range(0, 3).Select(_ => new System.Collections.Generic.List<int>()).ToArray();

        for (var s = 0; s < batcher.SegmentCount; s++)
        {
            batcher.Fill(s, inputs, targets);
            for (var t = 0; t < 7; t++)
            {
                for (var b = 0; b < 3; b++)
                {
                    var position = (b * batcher.StreamLength) + (s * 7) + t;
                    Assert.Equal(data[position], inputs[(t * 3) + b]);
                    Assert.Equal(data[position + 1], targets[(t * 3) + b]);
                    if (t > 0)
                    {
                        Assert.Equal(targets[((t - 1) * 3) + b], inputs[(t * 3) + b]);
                    }

                    streams[b].Add(inputs[(t * 3) + b]);
                }
            }
        }

        // Concatenated segments give back each stream's part of the corpus without gaps.
        for (var b = 0; b < 3; b++)
        {
            var start = b * batcher.StreamLength;
            Assert.Equal(data[start..(start + (batcher.SegmentCount * 7))].Select(v => (int)v), streams[b]);
        }
    }

    [Fact]
    public void Too_short_data_and_small_buffers_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LanguageModelBatcher(Corpus(10), batchSize: 2, segmentLength: 5));
        var batcher = new LanguageModelBatcher(Corpus(12), batchSize: 2, segmentLength: 5);
        Assert.Equal(1, batcher.SegmentCount);
        Assert.Throws<ArgumentException>(() => batcher.Fill(0, new int[9], new int[10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => batcher.Fill(1, new int[10], new int[10]));
    }
}
