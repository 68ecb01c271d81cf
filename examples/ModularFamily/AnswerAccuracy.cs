using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples.ModularFamily;

/// <summary>
/// Accuracy of a model's first output, due at every step, on the last steps of every sequence only (the copying
/// task's answer): the fraction of (example, step) pairs there whose largest logit is the target class.
/// </summary>
internal static class AnswerAccuracy
{
    /// <param name="model">A model whose first output is a cross-entropy output `at: every`.</param>
    /// <param name="data">The examples, in stored order, in batches of <paramref name="batchSize"/>.</param>
    /// <param name="maxBatches">Stop after this many batches; null runs them all.</param>
    /// <param name="lastSteps">How many steps at each sequence's end are scored.</param>
    public static double Of(SequenceModel model, ISequenceSource data, int batchSize, int? maxBatches, int lastSteps)
    {
        var info = model.Info;
        var classes = info.Outputs[0].Size;
        var steps = data.Steps;
        var tape = new Tape();
        var batches = new Dictionary<int, SequenceBatch>();
        long correct = 0;
        long total = 0;
        model.Train(false);
        for (int start = 0, batch = 0; start < data.Count && batch < (maxBatches ?? int.MaxValue); start += batchSize, batch++)
        {
            var rows = Math.Min(batchSize, data.Count - start);
            if (!batches.TryGetValue(rows, out var buffers))
            {
                buffers = new SequenceBatch(info, steps, rows);
                batches[rows] = buffers;
            }

            data.Fill([.. Enumerable.Range(start, rows)], buffers);
            tape.Reset();
            var logits = model.ComputeLoss(tape, buffers).Logits[0].Data;
            var targets = buffers.Targets[0];
            for (var t = steps - lastSteps; t < steps; t++)
            {
                for (var b = 0; b < rows; b++)
                {
                    var row = logits.Slice(((t * rows) + b) * classes, classes);
                    correct += ArgMax(row) == targets[(t * rows) + b] ? 1 : 0;
                    total++;
                }
            }
        }

        model.Train(true);
        return total == 0 ? 0 : (double)correct / total;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
