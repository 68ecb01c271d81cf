using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Optim;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Trains a compiled ThalNet model: classification and multi-task models on examples (<see cref="ISequenceSource"/>,
/// shuffled every epoch, full backpropagation through time), language models on streams (<see cref="IStreamSource"/>,
/// truncated backpropagation through time with the state carried across segments). Batches are split by rows, or a
/// ThalNet model's modules by worker (<see cref="Parallel"/>), across <see cref="Workers"/> threads. Same seed, options,
/// worker count and plan give bit-identical runs, and a run resumed from a checkpoint continues exactly as if it had
/// never stopped. With another worker count or plan the gradients are summed in another order, so results differ in
/// the last bits.
/// </summary>
public sealed class Trainer<TModel> : IDisposable
    where TModel : SequenceModel
{
    private readonly TrainerOptions _options;
    private readonly RandomSource _random;
    private readonly DataParallel<SequenceModel> _replicas;
    private readonly SequenceEvaluator _exampleEvaluator;
    private readonly StreamEvaluator _streamEvaluator;
    private readonly Action<TrainingStep> _raiseBatchCompleted;

    /// <param name="createModel">
    /// Builds the model from a generator; called once for the model (with the generator seeded by
    /// <see cref="TrainerOptions.Seed"/>) and once per extra worker for a replica whose values are then shared.
    /// </param>
    /// <param name="options">How to train; the defaults when null. Checked before anything is built.</param>
    public Trainer(Func<RandomSource, TModel> createModel, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        _options = options ?? new TrainerOptions();
        _options.Validate();
        _random = new RandomSource(_options.Seed);
        Model = createModel(_random);
        // Replicas draw from their own generator so the worker count does not change the training generator's stream.
        var replicaRandom = new RandomSource(~_options.Seed);
        var plan = _options.Parallel ?? ParallelPlans.Choose(Model, _options.Workers, _options.BatchSize);
        Workers = plan == ParallelPlan.Modules ? _options.Workers : Math.Min(_options.Workers, _options.BatchSize);
        _replicas = new DataParallel<SequenceModel>(Model, () => createModel(replicaRandom), Workers, plan);
        Optimizer = _options.Optimizer switch
        {
            OptimizerKind.RmsProp => new RmsProp(Model.NamedParameters(), _options.LearningRate),
            OptimizerKind.Adam => new Adam(Model.NamedParameters(), _options.LearningRate),
            _ => throw new ArgumentOutOfRangeException(nameof(options), _options.Optimizer, "Unknown optimizer."),
        };
        var evaluationBatch = _options.EvaluationBatchSize ?? _options.BatchSize;
        _exampleEvaluator = new SequenceEvaluator(_replicas, Model.Info, evaluationBatch, _options.MaxEvaluationBatches);
        _streamEvaluator = new StreamEvaluator(_replicas, Model.Info, _options.MaxEvaluationBatches);
        _raiseBatchCompleted = step => BatchCompleted?.Invoke(step);
    }

    /// <summary>Raised after every optimizer step, on the training thread.</summary>
    public event Action<TrainingStep>? BatchCompleted;

    /// <summary>The model being trained (worker 0's replica; the others share its values).</summary>
    public TModel Model { get; }

    /// <summary>
    /// The optimizer <see cref="TrainerOptions.Optimizer"/> names, over the model's parameters; its state is saved in
    /// checkpoints.
    /// </summary>
    public Optimizer Optimizer { get; }

    /// <summary>The options the trainer was made with.</summary>
    public TrainerOptions Options => _options;

    /// <summary>Worker threads in use: <see cref="TrainerOptions.Workers"/>, at most one per batch row when they split the rows.</summary>
    public int Workers { get; }

    /// <summary>Whether the workers split each batch's rows or the model's modules.</summary>
    public ParallelPlan Parallel => _replicas.Plan;

    /// <summary>
    /// Trains on examples for the remaining epochs (all of them, or those after the checkpoint when resuming),
    /// evaluating on <paramref name="test"/> after each. Every call starts at epoch 1 unless it resumes. Stops after the current batch when
    /// <paramref name="cancellationToken"/> is cancelled, writing the checkpoint first.
    /// </summary>
    public TrainingResult Fit(ISequenceSource train, ISequenceSource? test = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var task = new SequenceTraining(_replicas, Model.Info, train, test, _exampleEvaluator, _options.BatchSize, _options.MaxBatchesPerEpoch);
        return Run(task, cancellationToken);
    }

    /// <summary>Trains a model with one dense input on a sequence dataset; its labels go to every output.</summary>
    public TrainingResult Fit(SequenceDataset train, SequenceDataset? test = null, CancellationToken cancellationToken = default) =>
        Fit(new SequenceDatasetSource(train, Model.Info), test is null ? null : new SequenceDatasetSource(test, Model.Info), cancellationToken);

    /// <summary>
    /// Trains a language model with truncated backpropagation through time: every epoch runs the segments in order,
    /// carrying the recurrent state from one to the next, starting from zeros. The batch is the source's streams.
    /// </summary>
    public TrainingResult Fit(IStreamSource train, IStreamSource? test = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        // Workers splitting the rows need a stream each; workers splitting the modules all run every stream.
        if (Parallel == ParallelPlan.Data && train.Streams < Workers)
        {
            throw new ArgumentException($"The training data has {train.Streams} streams, fewer than the {Workers} workers; use more streams or fewer workers.", nameof(train));
        }

        var task = new StreamTraining(_replicas, Model.Info, train, test, _streamEvaluator, _options.MaxBatchesPerEpoch);
        return Run(task, cancellationToken);
    }

    /// <summary>Trains a model with one token input on byte streams.</summary>
    public TrainingResult Fit(LanguageModelBatcher train, LanguageModelBatcher? test = null, CancellationToken cancellationToken = default) =>
        Fit(new LanguageModelSource(train, Model.Info), test is null ? null : new LanguageModelSource(test, Model.Info), cancellationToken);

    /// <summary>Loss and accuracy of every output over all examples (at most <see cref="TrainerOptions.MaxEvaluationBatches"/> batches).</summary>
    public EvaluationResult Evaluate(ISequenceSource data) => _exampleEvaluator.Evaluate(data);

    /// <summary>Loss, accuracy and bits per character over all segments, carrying the state from zeros.</summary>
    public EvaluationResult Evaluate(IStreamSource data) => _streamEvaluator.Evaluate(data);

    /// <summary>Stops the worker threads.</summary>
    public void Dispose() => _replicas.Dispose();

    private TrainingResult Run(ITrainingTask task, CancellationToken cancellationToken) =>
        TrainingSession.Run(new EngineTrainingBackend(Model, Optimizer), task, _options, _random, cancellationToken, _raiseBatchCompleted);
}
