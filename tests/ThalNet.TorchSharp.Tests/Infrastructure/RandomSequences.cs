using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.TorchSharp.Tests.Infrastructure;

/// <summary>
/// Seeded random examples (or stream segments) for any model: dense inputs in [-1, 1), random tokens and class
/// targets; the same example or segment always gets the same values.
/// </summary>
internal sealed class RandomSequences(SequenceInfo info, int count, int steps, int streams = 4) : ISequenceSource, IStreamSource
{
    public int Count => count;

    public int Steps => steps;

    public int Streams => streams;

    public int SegmentCount => count;

    public void Fill(ReadOnlySpan<int> examples, SequenceBatch batch)
    {
        for (var b = 0; b < examples.Length; b++)
        {
            FillRow(batch, b, new Random(examples[b]));
        }
    }

    public void Fill(int segment, int firstStream, SequenceBatch batch)
    {
        for (var b = 0; b < batch.Batch; b++)
        {
            FillRow(batch, b, new Random((segment * streams) + firstStream + b));
        }
    }

    private void FillRow(SequenceBatch batch, int row, Random random)
    {
        for (var i = 0; i < info.Inputs.Count; i++)
        {
            for (var t = 0; t < batch.Steps; t++)
            {
                if (batch.Tokens[i] is { } tokens)
                {
                    tokens[(t * batch.Batch) + row] = random.Next(info.Inputs[i].Width);
                }
                else
                {
                    var width = info.Inputs[i].Width;
                    var values = batch.Dense[i]!.Data.Slice(((t * batch.Batch) + row) * width, width);
                    for (var v = 0; v < width; v++)
                    {
                        values[v] = (float)((random.NextDouble() * 2) - 1);
                    }
                }
            }
        }

        for (var o = 0; o < info.Outputs.Count; o++)
        {
            var targets = batch.Targets[o];
            var perStep = info.Outputs[o].EveryStep ? batch.Steps : 1;
            for (var t = 0; t < perStep; t++)
            {
                targets[(t * batch.Batch) + row] = random.Next(info.Outputs[o].Size);
            }
        }
    }
}
