using ThalNet.Runtime;
using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;

namespace ThalNet.Examples.Torch;

/// <summary>
/// Language modelling on TorchSharp with truncated backpropagation through time, as the engine's: every epoch runs
/// the segments in order, carrying the recurrent state (detached, zero at the start of an epoch) from one segment to
/// the next; one dispose scope per segment.
/// </summary>
public sealed class TorchStreamTraining : ITrainingTask
{
    private readonly TorchThalNetModel _model;
    private readonly IStreamSource _train;
    private readonly IStreamSource? _test;
    private readonly TorchBatch _batch;
    private readonly TorchCarriedState _state;
    private readonly TorchStreamEvaluator _evaluator;

    public TorchStreamTraining(TorchThalNetModel model, SequenceInfo info, IStreamSource train, IStreamSource? test, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        _model = model;
        _train = train;
        _test = test;
        _batch = new TorchBatch(info, train.Steps, train.Streams);
        _state = new TorchCarriedState(model, train.Streams);
        _evaluator = new TorchStreamEvaluator(model, info, options.MaxEvaluationBatches);
        BatchesPerEpoch = Math.Min(train.SegmentCount, options.MaxBatchesPerEpoch ?? int.MaxValue);
    }

    public string Kind => "streams";

    public int BatchRows => _train.Streams;

    public int BatchesPerEpoch { get; }

    public int SamplesPerBatch => _train.Streams * _train.Steps;

    public void ShuffleEpoch(RandomSource random)
    {
    }

    public void ResetEpochState() => _state.Zero();

    public float TrainBatch(int batch, OutputTally tally)
    {
        _train.Fill(batch, 0, _batch.Buffers);
        return TorchPass.Train(_model, _batch, tally, _state);
    }

    public EvaluationResult? Evaluate() => _test is null ? null : _evaluator.Evaluate(_test);

    public IEnumerable<TensorEntry> StateTensors() => _state.ToTensors();

    public IEnumerable<string> StateProblems(SafeTensorsFile file) => _state.Problems(file);

    public void LoadState(SafeTensorsFile file) => _state.Load(file);
}
