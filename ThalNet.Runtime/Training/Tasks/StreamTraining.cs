using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Language modelling with truncated backpropagation through time: every epoch runs the segments in order, each
/// worker carrying its own streams' state from one segment to the next (zero at the start of an epoch) while the
/// gradient stops at the segment boundary.
/// </summary>
internal sealed class StreamTraining : ITrainingTask
{
    private readonly DataParallel<SequenceModel> _replicas;
    private readonly IStreamSource _train;
    private readonly IStreamSource? _test;
    private readonly StreamEvaluator _evaluator;
    private readonly Shards _shards;
    private readonly StreamStates _states;
    private readonly Func<int, Tape, SequenceModel, Tensor> _pass;

    public StreamTraining(DataParallel<SequenceModel> replicas, SequenceInfo info, IStreamSource train, IStreamSource? test, StreamEvaluator evaluator, int? maxBatches)
    {
        _replicas = replicas;
        _train = train;
        _test = test;
        _evaluator = evaluator;
        _shards = new Shards(info, train.Steps, train.Streams, replicas);
        _states = new StreamStates(replicas, train.Streams);
        BatchesPerEpoch = Math.Min(train.SegmentCount, maxBatches ?? int.MaxValue);
        _pass = Pass;
    }

    public string Kind => "streams";

    public int BatchRows => _train.Streams;

    public int BatchesPerEpoch { get; }

    public int SamplesPerBatch => _train.Streams * _train.Steps;

    public void ShuffleEpoch(RandomSource random)
    {
    }

    public void ResetEpochState() => _states.Zero();

    public float TrainBatch(int batch, OutputTally tally)
    {
        for (var w = 0; w < _replicas.Workers; w++)
        {
            _train.Fill(batch, _shards.Start[w], _shards.Batches[w]!);
        }

        var loss = _replicas.ForwardBackward(_pass);
        _states.Persist();
        tally.AddShards(_shards);
        return loss;
    }

    public EvaluationResult? Evaluate() => _test is null ? null : _evaluator.Evaluate(_test);

    public IEnumerable<TensorEntry> StateTensors() => _states.ToTensors();

    public IEnumerable<string> StateProblems(SafeTensorsFile file) => _states.Problems(file);

    public void LoadState(SafeTensorsFile file) => _states.Load(file);

    private Tensor Pass(int worker, Tape tape, SequenceModel model) =>
        model.ComputeLoss(tape, _shards.Batches[worker]!, _states[worker], _shards.Scale(worker), _shards.Results[worker]).Total;
}
