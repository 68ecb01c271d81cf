using System.Globalization;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Running sums per output (loss times predictions, predictions, correct predictions of classification heads), so that means over many
/// batches of any size are exact averages over predictions. Sums are added in worker order and saved with
/// round-trip precision, so a resumed epoch reports the same numbers as an uninterrupted one.
/// </summary>
public sealed class OutputTally
{
    private readonly SequenceInfo _info;
    private readonly double[] _lossSum;
    private readonly long[] _predictions;
    private readonly long[] _correct;

    /// <summary>An empty tally for the outputs of <paramref name="info"/>.</summary>
    public OutputTally(SequenceInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        _info = info;
        _lossSum = new double[info.Outputs.Count];
        _predictions = new long[info.Outputs.Count];
        _correct = new long[info.Outputs.Count];
    }

    /// <summary>Forgets everything added.</summary>
    public void Clear()
    {
        Array.Clear(_lossSum);
        Array.Clear(_predictions);
        Array.Clear(_correct);
    }

    /// <summary>Adds the losses and predictions of the pass that just ran on <paramref name="shards"/> (before any tape reset).</summary>
    internal void AddShards(Shards shards)
    {
        for (var w = 0; w < shards.Batches.Length; w++)
        {
            if (shards.Batches[w] is not { } batch)
            {
                continue;
            }

            var result = shards.Results[w];
            var scale = shards.Scale(w);
            for (var o = 0; o < _lossSum.Length; o++)
            {
                if (!result.Computed[o])
                {
                    continue;
                }

                var predictions = Predictions(o, batch.Steps, batch.Batch);
                var correct = _info.Outputs[o].Loss == LossKind.CrossEntropy ? CountCorrect(result.Logits[o], batch.Targets[o]) : 0;
                AddOutput(o, (double)result.PerOutput[o].Item() / scale * predictions, predictions, correct);
            }
        }
    }

    /// <summary>
    /// Adds one batch's output <paramref name="output"/> (in <see cref="SequenceInfo.Outputs"/> order): its mean loss
    /// times its <paramref name="predictions"/> as <paramref name="lossSum"/>, and how many of them were correct.
    /// </summary>
    public void AddOutput(int output, double lossSum, long predictions, long correct)
    {
        _lossSum[output] += lossSum;
        _predictions[output] += predictions;
        _correct[output] += correct;
    }

    /// <summary>Predictions output <paramref name="output"/> makes on a batch of <paramref name="rows"/> sequences of <paramref name="steps"/> steps: one per step for `at: every`, else one per sequence.</summary>
    public long Predictions(int output, int steps, int rows) => _info.Outputs[output].EveryStep ? (long)steps * rows : rows;

    /// <summary>Adds everything <paramref name="other"/> holds.</summary>
    public void Add(OutputTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var o = 0; o < _lossSum.Length; o++)
        {
            _lossSum[o] += other._lossSum[o];
            _predictions[o] += other._predictions[o];
            _correct[o] += other._correct[o];
        }
    }

    /// <summary>Each output's means, and their sum weighted as the spec weights the losses.</summary>
    public EvaluationResult ToResult()
    {
        var outputs = new OutputMetrics[_lossSum.Length];
        var total = 0.0;
        for (var o = 0; o < outputs.Length; o++)
        {
            var n = Math.Max(_predictions[o], 1);
            var metric = OutputMetrics.MetricOf(_info.Outputs[o]);
            var accuracy = metric == HeadMetric.MeanSquaredError ? double.NaN : (double)_correct[o] / n;
            outputs[o] = new OutputMetrics(_info.Outputs[o].Name, _lossSum[o] / n, accuracy, _predictions[o]) { Metric = metric };
            total += _info.Outputs[o].Weight * outputs[o].Loss;
        }

        return new EvaluationResult(total, outputs);
    }

    internal void Save(IDictionary<string, string> metadata, string prefix)
    {
        for (var o = 0; o < _lossSum.Length; o++)
        {
            var key = $"{prefix}{_info.Outputs[o].Name}.";
            metadata[key + "loss_sum"] = _lossSum[o].ToString("R", CultureInfo.InvariantCulture);
            metadata[key + "predictions"] = _predictions[o].ToString(CultureInfo.InvariantCulture);
            metadata[key + "correct"] = _correct[o].ToString(CultureInfo.InvariantCulture);
        }
    }

    internal void Load(CheckpointMetadata metadata, string prefix)
    {
        for (var o = 0; o < _lossSum.Length; o++)
        {
            var key = $"{prefix}{_info.Outputs[o].Name}.";
            _lossSum[o] = metadata.Double(key + "loss_sum");
            _predictions[o] = metadata.Long(key + "predictions");
            _correct[o] = metadata.Long(key + "correct");
        }
    }

    /// <summary>Rows of <paramref name="logits"/> whose largest value (the first, on ties) is at the target.</summary>
    private static long CountCorrect(Tensor logits, ReadOnlySpan<int> targets)
    {
        var classes = logits.Shape.Cols;
        var values = logits.Data;
        long correct = 0;
        for (var r = 0; r < targets.Length; r++)
        {
            var row = values.Slice(r * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            if (best == targets[r])
            {
                correct++;
            }
        }

        return correct;
    }
}
