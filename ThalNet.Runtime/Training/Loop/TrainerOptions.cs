using ThalNet.Runtime.Parallel;

namespace ThalNet.Runtime.Training;

/// <summary>How a <see cref="Trainer{TModel}"/> trains. Defaults follow the paper: RMSprop, learning rate 1e-3, batch 50.</summary>
public sealed partial record TrainerOptions
{
    /// <summary>The number of passes over the training data (the total, also when resuming).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Examples per optimizer step. Language modelling takes its batch (streams) from the data instead.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>Examples per evaluation batch; null uses <see cref="BatchSize"/>.</summary>
    public int? EvaluationBatchSize { get; init; }

    /// <summary>Seeds the model's initial values and every epoch's shuffle.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// The optimizer: RMSprop (the paper's) or Adam, with PyTorch's defaults apart from the learning rate.
    /// </summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.RmsProp;

    /// <summary>
    /// The step size (the paper's 1e-3 by default); the start of the schedule when <see cref="CosineDecayTo"/> is set.
    /// </summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>
    /// When set, the learning rate follows a cosine from <see cref="LearningRate"/> in the first epoch down to
    /// <see cref="LearningRate"/> times this fraction in the last; null keeps it constant. It depends only on the
    /// epoch, so a resumed run follows the same schedule.
    /// </summary>
    public float? CosineDecayTo { get; init; }

    /// <summary>When set, gradients are rescaled so their global L2 norm is at most this value (clip_grad_norm).</summary>
    public float? MaxGradientNorm { get; init; }

    /// <summary>Worker threads of a training step, each with its own tape (and, splitting the rows, its own model replica).</summary>
    public int Workers { get; init; } = DefaultWorkers;

    /// <summary>
    /// Whether the workers split each batch's rows or a ThalNet model's modules; null chooses
    /// (<see cref="ParallelPlans.Choose"/>: the modules where a worker would get fewer than 16 rows).
    /// </summary>
    public ParallelPlan? Parallel { get; init; }

    /// <summary>Caps the batches (segments, for language modelling) of every epoch, for quick runs.</summary>
    public int? MaxBatchesPerEpoch { get; init; }

    /// <summary>Caps the batches of every evaluation, for quick runs.</summary>
    public int? MaxEvaluationBatches { get; init; }

    /// <summary>Written at every epoch end and when training is cancelled; null writes none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Continue from <see cref="CheckpointPath"/> when that file exists.</summary>
    public bool Resume { get; init; }

    /// <summary>JSON-lines metrics log; null writes none.</summary>
    public string? MetricsPath { get; init; }

    /// <summary>Training steps between two "train" events in the metrics log.</summary>
    public int LogEvery { get; init; } = 100;

    /// <summary>
    /// Live progress bars; they turn off by themselves when the output is redirected, CI is set or
    /// <see cref="Output"/> is another writer. Plain output then gets a progress line every <see cref="ProgressInterval"/>.
    /// </summary>
    public bool Progress { get; init; } = true;

    /// <summary>
    /// How often plain output (redirected, CI, <see cref="Progress"/> off) gets a line with the epoch's batch count and
    /// running metrics, so a log shows life between epoch lines; <see cref="Timeout.InfiniteTimeSpan"/> writes none.
    /// </summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Keep training when a loss, gradient or parameter becomes NaN or infinite; by default training stops with a
    /// <see cref="TrainingDivergedException"/> before the optimizer step that would spread it.
    /// </summary>
    public bool AllowNonFinite { get; init; }

    /// <summary>Where epoch lines and notes go; null is the console.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>The default of <see cref="Workers"/>: 2, or 1 on a single-core machine.</summary>
    public static int DefaultWorkers => Math.Min(2, Environment.ProcessorCount);

    /// <summary>The learning rate of epoch <paramref name="epoch"/> (1-based): <see cref="LearningRate"/> times the schedule's factor.</summary>
    public float LearningRateAt(int epoch) =>
        EffectiveSchedule is { } schedule ? (float)(LearningRate * schedule.Factor(epoch, Epochs)) : LearningRate;
}
