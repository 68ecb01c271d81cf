using ThalNet.Runtime;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;

namespace ThalNet.Examples.Torch;

/// <summary>
/// Classification and multi-task training on TorchSharp, as the engine's: every epoch visits the examples in a fresh
/// order drawn from the loop's generator (the same order as the engine's for the same seed), in full batches, with
/// full backpropagation through each sequence; one dispose scope per batch.
/// </summary>
public sealed class TorchSequenceTraining : ITrainingTask
{
    private readonly TorchThalNetModel _model;
    private readonly ISequenceSource _train;
    private readonly ISequenceSource? _test;
    private readonly BatchOrder _order;
    private readonly TorchBatch _batch;
    private readonly TorchSequenceEvaluator _evaluator;

    public TorchSequenceTraining(TorchThalNetModel model, SequenceInfo info, ISequenceSource train, ISequenceSource? test, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (train.Count < options.BatchSize)
        {
            throw new ArgumentException($"The training data has {train.Count} examples, fewer than one batch of {options.BatchSize}.", nameof(train));
        }

        _model = model;
        _train = train;
        _test = test;
        _order = new BatchOrder(train.Count, options.BatchSize, dropLast: true);
        _batch = new TorchBatch(info, train.Steps, options.BatchSize);
        _evaluator = new TorchSequenceEvaluator(model, info, options.EvaluationBatchSize ?? options.BatchSize, options.MaxEvaluationBatches);
        BatchesPerEpoch = Math.Min(_order.BatchCount, options.MaxBatchesPerEpoch ?? int.MaxValue);
    }

    public string Kind => "examples";

    public int BatchRows => _batch.Buffers.Batch;

    public int BatchesPerEpoch { get; }

    public int SamplesPerBatch => _batch.Buffers.Batch;

    public void ShuffleEpoch(RandomSource random) => _order.Shuffle(random);

    public void ResetEpochState()
    {
    }

    public float TrainBatch(int batch, OutputTally tally)
    {
        _train.Fill(_order.Batch(batch), _batch.Buffers);
        return TorchPass.Train(_model, _batch, tally);
    }

    public EvaluationResult? Evaluate() => _test is null ? null : _evaluator.Evaluate(_test);

    public IEnumerable<TensorEntry> StateTensors() => [];

    public IEnumerable<string> StateProblems(SafeTensorsFile file) => [];

    public void LoadState(SafeTensorsFile file)
    {
    }
}
