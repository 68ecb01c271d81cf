using ThalNet.Runtime.Data;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

/// <summary>
/// Step and exponential learning-rate schedules with linear warm-up, early stopping and keep-best: what they compute,
/// that the trainer follows them, and that a run interrupted and resumed follows them to the last bit.
/// </summary>
public sealed class RunControlTests
{
    private const int BatchesPerEpoch = 8;

    [Fact]
    public void Step_and_exponential_schedules_and_warm_up_give_the_documented_rates()
    {
        var step = new TrainerOptions { LearningRate = 0.1f, Epochs = 5, Schedule = LearningRateSchedule.Step(everyEpochs: 2, gamma: 0.5) };
        var exponential = new TrainerOptions { LearningRate = 0.1f, Epochs = 5, Schedule = LearningRateSchedule.Exponential(0.9) };
        var warm = new TrainerOptions { LearningRate = 0.1f, WarmupSteps = 4 };

        Assert.Equal([0.1f, 0.1f, 0.05f, 0.05f, 0.025f], Enumerable.Range(1, 5).Select(e => step.LearningRateAt(e)));
        Assert.Equal(Enumerable.Range(1, 5).Select(e => (float)(0.1f * Math.Pow(0.9, e - 1))), Enumerable.Range(1, 5).Select(e => exponential.LearningRateAt(e)));
        Assert.Equal([0.025f, 0.05f, 0.075f, 0.1f, 0.1f], Enumerable.Range(1, 5).Select(s => warm.LearningRateAt(1, s)));
        var cosine = new TrainerOptions { LearningRate = 0.1f, Epochs = 4, CosineDecayTo = 0.1f };
        var schedule = cosine with { CosineDecayTo = null, Schedule = LearningRateSchedule.Cosine(0.1f) };
        Assert.Equal(Enumerable.Range(1, 4).Select(e => cosine.LearningRateAt(e)), Enumerable.Range(1, 4).Select(e => schedule.LearningRateAt(e)));
    }

    [Fact]
    public void Invalid_run_controls_are_option_problems()
    {
        var options = new TrainerOptions
        {
            Schedule = LearningRateSchedule.Step(0, 1.5), WarmupSteps = -1, EarlyStoppingPatience = 0, KeepBestMetric = "test/loss",
        };

        var properties = options.Problems().Select(p => p.Property).ToList();

        Assert.Equal(["Schedule", "WarmupSteps", "EarlyStoppingPatience", "KeepBestMetric"], properties);
    }

    [Fact]
    public void A_metric_the_model_does_not_have_is_an_option_problem_naming_its_outputs()
    {
        var train = TrainingData.Noisy(32, seed: 3);
        using var trainer = new Trainer<TinyThalNet>(Classifier, TrainingData.Options() with { EarlyStoppingMetric = "test/digit/accuracy" });

        var error = Assert.Throws<TrainerOptionsException>(() => trainer.Fit(train, train));

        Assert.Equal("EarlyStoppingMetric", Assert.Single(error.Problems).Property);
        Assert.Contains("'label'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trainer_steps_at_the_scheduled_and_warmed_up_rate()
    {
        var train = TrainingData.Noisy(16 * BatchesPerEpoch, seed: 5);
        var options = TrainingData.Options() with { Epochs = 3, Schedule = LearningRateSchedule.Exponential(0.5), WarmupSteps = 5 };
        var rates = new List<(int Epoch, long Step, float Rate)>();
        using var trainer = new Trainer<TinyThalNet>(Classifier, options);
        trainer.BatchCompleted += s => rates.Add((s.Epoch, s.GlobalStep, trainer.Optimizer.LearningRate));

        trainer.Fit(train);

        Assert.Equal(3 * BatchesPerEpoch, rates.Count);
        Assert.All(rates, r => Assert.Equal(options.LearningRateAt(r.Epoch, r.Step), r.Rate));
        Assert.Equal(options.LearningRate / 5.0, rates[0].Rate, 1e-8);
    }

    [Theory]
    [InlineData(3)] // during warm-up
    [InlineData(13)] // second epoch, after warm-up
    public void Schedules_with_warm_up_resume_exactly(int k)
    {
        var options = TrainingData.Options() with { Epochs = 3, Schedule = LearningRateSchedule.Step(1, 0.5), WarmupSteps = 6 };
        AssertResumeIsExact(options, k);
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_without_improvement_and_a_resumed_run_stops_at_the_same_epoch()
    {
        // An improvement must beat the best by more than any loss can: every epoch after the first counts as none.
        var options = TrainingData.Options() with { Epochs = 6, EarlyStoppingMetric = "test/loss", EarlyStoppingPatience = 2, EarlyStoppingMinDelta = 1e9 };

        var (full, resumed) = AssertResumeIsExact(options, k: 12);

        Assert.True(full.Result.StoppedEarly);
        Assert.Equal(3, full.Result.Epochs.Count);
        Assert.True(resumed.Result.StoppedEarly);
        Assert.Equal(3, resumed.Result.Epochs[^1].Epoch);
    }

    [Fact]
    public void Resuming_a_run_that_stopped_early_trains_nothing_more()
    {
        using var folder = new TempFolder();
        var train = TrainingData.Noisy(16 * BatchesPerEpoch, seed: 5);
        var output = new StringWriter();
        var options = TrainingData.Options() with
        {
            Epochs = 5, EarlyStoppingMetric = "train/label/accuracy", EarlyStoppingPatience = 1, EarlyStoppingMinDelta = 2, CheckpointPath = folder.File("run.safetensors"),
        };
        var stopped = TrainingRun.Of(Classifier, options, (t, c) => t.Fit(train, null, c));

        var again = TrainingRun.Of(Classifier, options with { Resume = true, Output = output }, (t, c) => t.Fit(train, null, c));

        Assert.Equal(2, stopped.Result.Epochs.Count);
        Assert.Empty(again.Losses);
        Assert.True(again.Result.StoppedEarly);
        Assert.Contains("stopped early after epoch 2", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_best_writes_the_parameters_of_the_best_epoch_and_resumes_to_the_same_file()
    {
        using var folder = new TempFolder();
        var options = TrainingData.Options() with { Epochs = 4, KeepBestMetric = "test/label/accuracy" };
        var best = folder.File("best.safetensors");
        var resumedBest = folder.File("resumed-best.safetensors");
        var train = TrainingData.Noisy(16 * BatchesPerEpoch, seed: 5);
        var test = TrainingData.Noisy(40, seed: 6);

        var full = TrainingRun.Of(Classifier, options with { BestCheckpointPath = best }, (t, c) => t.Fit(train, test, c));
        var accuracies = full.Result.Epochs.Select(e => e.Test!["label"].Accuracy).ToList();
        var bestEpoch = accuracies.IndexOf(accuracies.Max()) + 1;
        var upToBest = TrainingRun.Of(Classifier, options with { Epochs = bestEpoch, KeepBestMetric = null }, (t, c) => t.Fit(train, test, c));
        var model = Classifier(new RandomSource(99));
        Checkpoint.LoadParameters(model, best);
        Assert.Equal(upToBest.ParameterBits, TrainingRun.Bits(model));

        var path = folder.File("interrupted.safetensors");
        TrainingRun.Of(Classifier, options with { CheckpointPath = path, BestCheckpointPath = resumedBest }, (t, c) => t.Fit(train, test, c), cancelAtStep: 11);
        TrainingRun.Of(Classifier, options with { CheckpointPath = path, BestCheckpointPath = resumedBest, Resume = true }, (t, c) => t.Fit(train, test, c));
        var resumedModel = Classifier(new RandomSource(98));
        Checkpoint.LoadParameters(resumedModel, resumedBest);
        Assert.Equal(upToBest.ParameterBits, TrainingRun.Bits(resumedModel));
    }

    [Fact]
    public void Keep_best_beside_the_last_checkpoint_defaults_to_a_best_file_next_to_it()
    {
        var options = new TrainerOptions { CheckpointPath = Path.Combine("runs", "mnist.safetensors"), KeepBestMetric = "test/loss" };

        Assert.Equal(Path.Combine("runs", "mnist.best.safetensors"), options.BestCheckpointFile);
    }

    private static TinyThalNet Classifier(RandomSource random) => TinyThalNet.Classifier(random, TrainingData.Features, TrainingData.Classes);

    private static (TrainingRun Full, TrainingRun Resumed) AssertResumeIsExact(TrainerOptions options, int k)
    {
        using var folder = new TempFolder();
        var train = TrainingData.Noisy(16 * BatchesPerEpoch, seed: 5);
        var test = TrainingData.Noisy(40, seed: 6);
        TrainingResult Fit(Trainer<TinyThalNet> trainer, CancellationToken token) => trainer.Fit(train, test, token);
        var full = TrainingRun.Of(Classifier, options with { CheckpointPath = folder.File("full.safetensors") }, Fit);
        var path = folder.File("interrupted.safetensors");
        var first = TrainingRun.Of(Classifier, options with { CheckpointPath = path }, Fit, cancelAtStep: k);
        var second = TrainingRun.Of(Classifier, options with { CheckpointPath = path, Resume = true }, Fit);

        Assert.True(first.Result.Interrupted);
        Assert.Equal(full.Losses.Select(BitConverter.SingleToInt32Bits), first.Losses.Concat(second.Losses).Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(full.ParameterBits, second.ParameterBits);
        Assert.Equal(full.Result.Epochs.Select(TrainingRun.Metrics), first.Result.Epochs.Concat(second.Result.Epochs).Select(TrainingRun.Metrics));
        return (full, second);
    }
}
