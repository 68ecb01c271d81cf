using ThalNet.Runtime.Data;
using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Classification and multi-task training: every epoch visits the examples in a fresh seeded order, in full batches
/// (a last short batch is dropped), with full backpropagation through each sequence.
/// </summary>
internal sealed class SequenceTraining : ITrainingTask
{
    private readonly DataParallel<SequenceModel> _replicas;
    private readonly ISequenceSource _train;
    private readonly ISequenceSource? _test;
    private readonly SequenceEvaluator _evaluator;
    private readonly BatchOrder _order;
    private readonly Shards _shards;
    private readonly Func<int, Tape, SequenceModel, Tensor> _pass;

    public SequenceTraining(DataParallel<SequenceModel> replicas, SequenceInfo info, ISequenceSource train, ISequenceSource? test, SequenceEvaluator evaluator, int batchSize, int? maxBatches)
    {
        if (train.Count < batchSize)
        {
            throw new ArgumentException($"The training data has {train.Count} examples, fewer than one batch of {batchSize}.", nameof(train));
        }

        _replicas = replicas;
        _train = train;
        _test = test;
        _evaluator = evaluator;
        _order = new BatchOrder(train.Count, batchSize, dropLast: true);
        _shards = new Shards(info, train.Steps, batchSize, replicas);
        BatchesPerEpoch = Math.Min(_order.BatchCount, maxBatches ?? int.MaxValue);
        _pass = Pass;
    }

    public string Kind => "examples";

    public int BatchRows => _shards.Rows;

    public int BatchesPerEpoch { get; }

    public int SamplesPerBatch => _shards.Rows;

    public void ShuffleEpoch(RandomSource random) => _order.Shuffle(random);

    public void ResetEpochState()
    {
    }

    public float TrainBatch(int batch, OutputTally tally)
    {
        var examples = _order.Batch(batch);
        for (var w = 0; w < _replicas.Workers; w++)
        {
            var shard = _shards.Batches[w]!;
            _train.Fill(examples.Slice(_shards.Start[w], shard.Batch), shard);
        }

        var loss = _replicas.ForwardBackward(_pass);
        tally.AddShards(_shards);
        return loss;
    }

    public EvaluationResult? Evaluate() => _test is null ? null : _evaluator.Evaluate(_test);

    public IEnumerable<TensorEntry> StateTensors() => [];

    public IEnumerable<string> StateProblems(SafeTensorsFile file) => [];

    public void LoadState(SafeTensorsFile file)
    {
    }

    private Tensor Pass(int worker, Tape tape, SequenceModel model) =>
        model.ComputeLoss(tape, _shards.Batches[worker]!, null, _shards.Scale(worker), _shards.Results[worker]).Total;
}
