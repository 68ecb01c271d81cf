using ThalNet.Examples.Torch;
using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using TorchSharp;

namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// Trains one configuration with one seed with the paper's settings and reads off its connectivity. With
/// <c>--backend torchsharp</c> the spec's TorchSharp model trains from the engine's initial weights for the seed, and
/// its trained weights are copied into the engine model, whose connectivity is read as after engine training.
/// </summary>
internal sealed class StudyRunner(StudySettings settings, StudyData data)
{
    private readonly torch.Device? _device = settings.Backend == BackendOptions.TorchSharp ? TorchBackend.Prepare(settings.Device, settings.Workers) : null;

    public StudyResult Run(StudyConfiguration configuration, ulong seed, CancellationToken cancellation)
    {
        var options = Options(seed);
        using var trainer = new Trainer<ThalNetModel>(configuration.Create, options);
        var test = data.Test(configuration.Info);
        var train = data.Train(configuration.Info);
        var result = _device is null ? trainer.Fit(train, test, cancellation) : TrainOnTorch(configuration, options, train, test, trainer.Model, cancellation);
        if (result.Interrupted)
        {
            throw new OperationCanceledException(cancellation);
        }

        // Fast readers' weights are their attention, averaged while the model runs on test data.
        var layout = ModelInspector.CenterLayout(configuration.Info);
        var weights = ModelInspector.ReadingWeights(trainer.Model, _ => trainer.Evaluate(test));
        var connectivity = ConnectivityMatrix.FromReadingWeights(layout, weights);
        var modules = layout.Modules.Select(m => m.Name).ToArray();
        return new StudyResult(
            configuration.Design,
            configuration.Reading,
            seed,
            settings.Epochs,
            settings.MaxBatches,
            trainer.Model.ParameterCount(),
            configuration.AutoSize,
            [.. result.Epochs.Select(e => e.Test!.Accuracy)],
            [.. result.Epochs.Select(e => e.Train.Loss)],
            modules,
            [.. Enumerable.Range(0, modules.Length).Select(r => Enumerable.Range(0, modules.Length).Select(s => connectivity[r, s]).ToArray())],
            result.Epochs.Sum(e => e.Seconds),
            settings.Backend);
    }

    /// <summary>Trains the study's GRU baseline for one seed (always on the engine).</summary>
    public StudyResult RunBaseline(ulong seed, CancellationToken cancellation) => StudyBaseline.Run(settings, data, Options(seed), cancellation);

    /// <summary>The paper's settings: RMSprop, learning rate 1e-3, batch 50.</summary>
    private TrainerOptions Options(ulong seed) => new()
    {
        Epochs = settings.Epochs,
        BatchSize = 50,
        LearningRate = 1e-3f,
        Optimizer = OptimizerKind.RmsProp,
        Seed = seed,
        Workers = settings.Workers,
        MaxBatchesPerEpoch = settings.MaxBatches,
        MaxEvaluationBatches = settings.MaxEvaluationBatches,
        Progress = false,
        Output = TextWriter.Null,
    };

    /// <summary>Trains the configuration's TorchSharp model and copies its trained weights into <paramref name="engine"/>.</summary>
    private TrainingResult TrainOnTorch(StudyConfiguration configuration, TrainerOptions options, ISequenceSource train, ISequenceSource test, ThalNetModel engine, CancellationToken cancellation)
    {
        using var run = new TorchSeededRun<ThalNetModel>(options, configuration.Create, configuration.CreateTorch, _device!, (model, info, o) => new TorchSequenceTraining(model, info, train, test, o));
        var result = run.Train(cancellation);
        EngineWeights.CopyFrom(run.Model, engine);
        return result;
    }
}
