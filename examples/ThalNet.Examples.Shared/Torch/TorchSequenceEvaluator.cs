using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using TorchSharp;

namespace ThalNet.Examples.Torch;

/// <summary>Loss and accuracy of a TorchSharp model over examples in stored order, without gradients, batched as the engine's evaluator batches them.</summary>
internal sealed class TorchSequenceEvaluator(TorchThalNetModel model, SequenceInfo info, int batchSize, int? maxBatches)
{
    private readonly OutputTally _tally = new(info);
    private readonly Dictionary<(int Steps, int Rows), TorchBatch> _batches = [];

    public EvaluationResult Evaluate(ISequenceSource data)
    {
        var order = new BatchOrder(data.Count, batchSize);
        var batches = Math.Min(order.BatchCount, maxBatches ?? int.MaxValue);
        _tally.Clear();
        using var noGrad = torch.no_grad();
        for (var b = 0; b < batches; b++)
        {
            var examples = order.Batch(b);
            var batch = BatchFor(data.Steps, examples.Length);
            data.Fill(examples, batch.Buffers);
            TorchPass.Evaluate(model, batch, _tally);
        }

        return _tally.ToResult();
    }

    private TorchBatch BatchFor(int steps, int rows)
    {
        if (!_batches.TryGetValue((steps, rows), out var batch))
        {
            batch = new TorchBatch(info, steps, rows);
            _batches[(steps, rows)] = batch;
        }

        return batch;
    }
}
