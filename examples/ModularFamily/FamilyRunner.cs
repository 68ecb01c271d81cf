using System.Diagnostics;
using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples.ModularFamily;

/// <summary>
/// Trains one model on one task with one seed, one epoch at a time so that the task scores the model after each
/// (the copying task's score is not the trainer's accuracy), and records which modules were active when they compete.
/// </summary>
internal sealed class FamilyRunner(FamilySettings settings)
{
    /// <summary>Test batches the activity shares are counted over.</summary>
    private const int ActivityBatches = 8;

    public FamilyResult Run(IFamilyTask task, FamilyModel model, ulong seed, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var trainer = new Trainer<ThalNetModel>(model.Create, Options(seed));
        var train = task.Train(model.Info);
        var test = task.Test(model.Info);
        var accuracy = new List<double>();
        var loss = new List<double>();
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            // Each call trains one epoch; the trainer's generator and optimizer carry on from the last.
            var result = trainer.Fit(train, null, cancellation);
            if (result.Interrupted)
            {
                throw new OperationCanceledException(cancellation);
            }

            loss.Add(result.Epochs[0].Train.Loss);
            accuracy.Add(task.Score(trainer, test));
        }

        var activity = model.Name == FamilyModel.AttentionActive
            ? ModelReport.Create(trainer.Model, test, new AnalysisOptions { Ablation = false, MaxBatches = ActivityBatches }).Activity
            : null;
        return new FamilyResult(
            task.Name,
            model.Name,
            seed,
            settings.Epochs,
            settings.MaxBatches,
            task.TrainCount,
            task.TestCount,
            task.Delay,
            trainer.Model.ParameterCount(),
            model.AutoSize,
            [.. accuracy],
            [.. loss],
            clock.Elapsed.TotalSeconds,
            activity is null ? null : FamilyActivity.From(activity),
            settings.Optimizer,
            settings.LearningRate);
    }

    /// <summary>Batch 50 and the settings' optimizer and learning rate, one epoch per call.</summary>
    private TrainerOptions Options(ulong seed) => new()
    {
        Epochs = 1,
        BatchSize = 50,
        LearningRate = settings.LearningRate,
        Optimizer = settings.Optimizer == FamilySettings.RmsProp ? OptimizerKind.RmsProp : OptimizerKind.Adam,
        Seed = seed,
        Workers = settings.Workers,
        MaxBatchesPerEpoch = settings.MaxBatches,
        MaxEvaluationBatches = settings.MaxEvaluationBatches,
        Progress = false,
        Output = TextWriter.Null,
    };
}
