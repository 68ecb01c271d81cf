using ThalNet.Runtime.Data;
using ThalNet.Runtime.Training;
using Xunit.Abstractions;

namespace ThalNet.Runtime.Tests.Training;

public class TrainerLearningTests(ITestOutputHelper output)
{
    [Fact]
    public void Classification_lowers_the_loss_and_beats_chance_by_far()
    {
        var train = TrainingData.Noisy(512, seed: 1);
        var test = TrainingData.Noisy(97, seed: 2);
        using var trainer = new Trainer<TinyThalNet>(r => TinyThalNet.Classifier(r, TrainingData.Features, TrainingData.Classes), TrainingData.Options() with { Epochs = 6 });
        var before = trainer.Evaluate(new SequenceDatasetSource(test, trainer.Model.Info));

        var result = trainer.Fit(train, test);

        var last = result.Epochs[^1];
        output.WriteLine($"before: loss {before.Loss:F4} accuracy {before.Accuracy:F3}; after: loss {last.Test!.Loss:F4} accuracy {last.Test.Accuracy:F3}");
        Assert.False(result.Interrupted);
        Assert.Equal(6, result.Epochs.Count);
        Assert.Equal(6 * (512 / 16), result.GlobalStep);
        Assert.Equal(97, last.Test.Outputs[0].Predictions);
        Assert.True(last.Test.Loss < 0.6 * before.Loss);
        Assert.True(last.Test.Accuracy > 0.8, $"accuracy {last.Test.Accuracy}");
        Assert.True(last.Train.Accuracy > 0.6, $"train accuracy {last.Train.Accuracy}");
    }

    /// <summary>
    /// The phrase's bytes alone carry 3.06 bits each; below that the model must be using what came before, which
    /// takes the input module's features through the center to the output module.
    /// </summary>
    [Fact]
    public void Language_model_lowers_bits_per_character_on_a_repeated_phrase()
    {
        var text = TrainingData.Text(2000);
        var train = new LanguageModelBatcher(text.AsMemory(0, 1600), batchSize: 4, segmentLength: 5);
        var test = new LanguageModelBatcher(text.AsMemory(1600), batchSize: 4, segmentLength: 5);
        using var trainer = new Trainer<TinyThalNet>(TinyThalNet.LanguageModel, TrainingData.Options() with { Epochs = 14 });
        var before = trainer.Evaluate(new LanguageModelSource(test, trainer.Model.Info));

        var result = trainer.Fit(train, test);

        var after = result.Epochs[^1].Test!;
        output.WriteLine($"bpc before {before.BitsPerCharacter:F3}, after {after.BitsPerCharacter:F3}");
        Assert.True(before.BitsPerCharacter > 7.5);
        Assert.True(after.BitsPerCharacter < 2.0, $"bpc {after.BitsPerCharacter}");
        Assert.Equal(after.Loss / Math.Log(2), after.BitsPerCharacter, 12);
    }

    [Fact]
    public void Multi_task_lowers_both_outputs_losses()
    {
        var train = TrainingData.Noisy(512, seed: 3);
        var test = TrainingData.Noisy(64, seed: 4);
        using var trainer = new Trainer<TinyThalNet>(r => TinyThalNet.MultiTask(r, TrainingData.Features, TrainingData.Classes), TrainingData.Options() with { Epochs = 6 });
        var trainSource = new SequenceDatasetSource(train, trainer.Model.Info).WithLabels("parity", TrainingData.Parity(train));
        var testSource = new SequenceDatasetSource(test, trainer.Model.Info).WithLabels("parity", TrainingData.Parity(test));
        var before = trainer.Evaluate(testSource);

        var after = trainer.Fit(trainSource, testSource).Epochs[^1].Test!;

        for (var o = 0; o < 2; o++)
        {
            output.WriteLine($"{after.Outputs[o].Name}: loss {before.Outputs[o].Loss:F4} -> {after.Outputs[o].Loss:F4}, accuracy {after.Outputs[o].Accuracy:F3}");
            Assert.True(after.Outputs[o].Loss < 0.7 * before.Outputs[o].Loss);
        }

        Assert.Equal(["label", "parity"], after.Outputs.Select(o => o.Name));
        Assert.Equal(after.Outputs[0].Loss + (0.5 * after.Outputs[1].Loss), after.Loss, 12);
    }

    [Fact]
    public void The_same_seed_gives_the_same_losses()
    {
        var first = Losses(workers: 2);
        var second = Losses(workers: 2);

        Assert.Equal(first, second);
    }

    /// <summary>
    /// Both worker counts train; their losses may differ in the last bits because the workers' gradients are summed
    /// in another grouping, which float addition does not forgive.
    /// </summary>
    [Fact]
    public void One_and_two_workers_both_train()
    {
        var one = Losses(workers: 1);
        var two = Losses(workers: 2);

        Assert.Equal(one[0], two[0], 1e-4f);
        Assert.True(one[^16..].Average() < 0.7 * one[..16].Average());
        Assert.True(two[^16..].Average() < 0.7 * two[..16].Average());
    }

    private static float[] Losses(int workers)
    {
        var losses = new List<float>();
        using var trainer = new Trainer<TinyThalNet>(r => TinyThalNet.Classifier(r, TrainingData.Features, TrainingData.Classes), TrainingData.Options(workers) with { Epochs = 4 });
        trainer.BatchCompleted += step => losses.Add(step.Loss);
        trainer.Fit(TrainingData.Noisy(512, seed: 5));
        return [.. losses];
    }
}
