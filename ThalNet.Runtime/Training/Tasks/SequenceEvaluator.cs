using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Runtime.Training;

/// <summary>Loss and accuracy over examples in stored order, in batches split across the workers, without gradients.</summary>
internal sealed class SequenceEvaluator
{
    private readonly DataParallel<SequenceModel> _replicas;
    private readonly SequenceInfo _info;
    private readonly int _batchSize;
    private readonly int? _maxBatches;
    private readonly OutputTally _tally;
    private readonly Dictionary<(int Steps, int Rows), Shards> _shards = [];
    private readonly Action<int, Tape, SequenceModel> _pass;
    private Shards? _current;

    public SequenceEvaluator(DataParallel<SequenceModel> replicas, SequenceInfo info, int batchSize, int? maxBatches)
    {
        _replicas = replicas;
        _info = info;
        _batchSize = batchSize;
        _maxBatches = maxBatches;
        _tally = new OutputTally(info);
        _pass = Pass;
    }

    public EvaluationResult Evaluate(ISequenceSource data)
    {
        var order = new BatchOrder(data.Count, _batchSize);
        var batches = Math.Min(order.BatchCount, _maxBatches ?? int.MaxValue);
        _tally.Clear();
        for (var b = 0; b < batches; b++)
        {
            var examples = order.Batch(b);
            var shards = ShardsFor(data.Steps, examples.Length);
            for (var w = 0; w < _replicas.Workers; w++)
            {
                if (shards.Batches[w] is { } batch)
                {
                    data.Fill(examples.Slice(shards.Start[w], batch.Batch), batch);
                }
            }

            _current = shards;
            _replicas.Forward(_pass);
            _tally.AddShards(shards);
        }

        _current = null;
        return _tally.ToResult();
    }

    private Shards ShardsFor(int steps, int rows)
    {
        if (!_shards.TryGetValue((steps, rows), out var shards))
        {
            shards = new Shards(_info, steps, rows, _replicas);
            _shards[(steps, rows)] = shards;
        }

        return shards;
    }

    private void Pass(int worker, Tape tape, SequenceModel model)
    {
        var shards = _current!;
        if (shards.Batches[worker] is { } batch)
        {
            model.ComputeLoss(tape, batch, null, shards.Scale(worker), shards.Results[worker]);
        }
    }
}
