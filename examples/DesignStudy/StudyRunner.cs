using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples.DesignStudy;

/// <summary>Trains one configuration with one seed with the paper's settings and reads off its connectivity.</summary>
internal sealed class StudyRunner(StudySettings settings, StudyData data)
{
    public StudyResult Run(StudyConfiguration configuration, ulong seed, CancellationToken cancellation)
    {
        var options = new TrainerOptions
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
        using var trainer = new Trainer<Runtime.Models.ThalNetModel>(configuration.Create, options);
        var test = data.Test(configuration.Info);
        var result = trainer.Fit(data.Train(configuration.Info), test, cancellation);
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
            result.Epochs.Sum(e => e.Seconds));
    }
}
