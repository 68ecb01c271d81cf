using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using TorchSharp;

namespace ThalNet.Examples.Torch;

/// <summary>
/// A TorchSharp model ready to train through the engine's training session, starting where the engine's trainer
/// starts for the seed: the engine's trainer draws the initial weights from the seed's generator and then every
/// epoch's order from the same generator, so doing both here gives the TorchSharp run the engine's starting point and
/// batches.
/// </summary>
/// <typeparam name="TModel">The engine model of the same spec.</typeparam>
public sealed class TorchSeededRun<TModel> : IDisposable
    where TModel : SequenceModel
{
    private readonly TrainerOptions _options;
    private readonly RandomSource _random;
    private readonly TorchTrainingBackend _backend;

    /// <param name="createTask">The training task of the TorchSharp model (examples or streams).</param>
    public TorchSeededRun(TrainerOptions options, Func<RandomSource, TModel> createModel, Func<TorchThalNetModel> createTorchModel, torch.Device device, Func<TorchThalNetModel, SequenceInfo, TrainerOptions, ITrainingTask> createTask)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createModel);
        ArgumentNullException.ThrowIfNull(createTorchModel);
        ArgumentNullException.ThrowIfNull(createTask);
        _options = options;
        _random = new RandomSource(options.Seed);
        Initial = createModel(_random);
        Model = createTorchModel();
        EngineWeights.CopyTo(Initial, Model);
        Model.to(device);
        _backend = new TorchTrainingBackend(Model, Initial.Info, options.Optimizer, options.LearningRate);
        Task = createTask(Model, Initial.Info, options);
    }

    /// <summary>The engine model with the seed's initial weights (training does not change it).</summary>
    public TModel Initial { get; }

    public TorchThalNetModel Model { get; }

    public ITrainingTask Task { get; }

    /// <summary>Trains through <see cref="TrainingSession"/>: progress, epoch lines, metrics, checkpoints and resume as the options say.</summary>
    public TrainingResult Train(CancellationToken cancellationToken) => TrainingSession.Run(_backend, Task, _options, _random, cancellationToken);

    public void Dispose()
    {
        _backend.Dispose();
        Model.Dispose();
    }
}
