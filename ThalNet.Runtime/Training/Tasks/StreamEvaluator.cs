using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Loss, accuracy and bits per character over every segment of a stream source in order, carrying the recurrent
/// state from a zero start, split across the workers by streams, without gradients.
/// </summary>
internal sealed class StreamEvaluator
{
    private readonly DataParallel<SequenceModel> _replicas;
    private readonly SequenceInfo _info;
    private readonly int? _maxBatches;
    private readonly OutputTally _tally;
    private readonly Dictionary<(int Steps, int Streams), (Shards Shards, StreamStates States)> _buffers = [];
    private readonly Action<int, Tape, SequenceModel> _pass;
    private Shards? _shards;
    private StreamStates? _states;

    public StreamEvaluator(DataParallel<SequenceModel> replicas, SequenceInfo info, int? maxBatches)
    {
        _replicas = replicas;
        _info = info;
        _maxBatches = maxBatches;
        _tally = new OutputTally(info);
        _pass = Pass;
    }

    public EvaluationResult Evaluate(IStreamSource data)
    {
        if (!_buffers.TryGetValue((data.Steps, data.Streams), out var buffers))
        {
            buffers = (new Shards(_info, data.Steps, data.Streams, _replicas), new StreamStates(_replicas, data.Streams));
            _buffers[(data.Steps, data.Streams)] = buffers;
        }

        (_shards, _states) = buffers;
        _states.Zero();
        _tally.Clear();
        var segments = Math.Min(data.SegmentCount, _maxBatches ?? int.MaxValue);
        for (var s = 0; s < segments; s++)
        {
            for (var w = 0; w < _replicas.Workers; w++)
            {
                if (_shards.Batches[w] is { } batch)
                {
                    data.Fill(s, _shards.Start[w], batch);
                }
            }

            _replicas.Forward(_pass);
            _states.Persist();
            _tally.AddShards(_shards);
        }

        (_shards, _states) = (null, null);
        return _tally.ToResult();
    }

    private void Pass(int worker, Tape tape, SequenceModel model)
    {
        if (_shards!.Batches[worker] is { } batch)
        {
            model.ComputeLoss(tape, batch, _states![worker], _shards.Scale(worker), _shards.Results[worker]);
        }
    }
}
