using ThalNet.Runtime.Data;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Tests.Training;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Robustness;

/// <summary>A NaN or infinity stops training at the step it appears, naming it, and never reaches a checkpoint.</summary>
public sealed class DivergenceTests
{
    [Fact]
    public void A_huge_learning_rate_stops_training_at_the_first_non_finite_step_and_keeps_the_last_good_checkpoint()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        var train = TrainingData.Noisy(64, seed: 21);
        var options = TrainingData.Options() with { Epochs = 1, CheckpointPath = path };
        TrainingRun.Of(Classifier, options, (t, c) => t.Fit(train, null, c));
        var good = File.ReadAllBytes(path);
        var losses = new List<float>();

        var error = Assert.Throws<TrainingDivergedException>(() => TrainingRun.Of(Classifier, options with { Epochs = 2, Resume = true, LearningRate = 1e30f }, (t, c) =>
        {
            t.BatchCompleted += s => losses.Add(s.Loss);
            return t.Fit(train, null, c);
        }));

        Assert.Equal(good, File.ReadAllBytes(path));
        Assert.Equal(2, error.Epoch);
        Assert.Equal(4 + losses.Count + 1, error.Step);
        Assert.Equal(losses.Count + 1, error.Batch);
        Assert.All(losses, l => Assert.True(float.IsFinite(l)));
        Assert.Matches(@$"^training diverged at step {error.Step} \(epoch 2, batch {error.Batch}\): (the loss is (NaN|Infinity|-Infinity)|the optimizer step made the parameter '[\w.]+'\[\d+\] = (NaN|Infinity|-Infinity)|the gradient '[\w.]+'\[\d+\] = \S+ is not finite)", error.Message);
        Assert.Contains($"the checkpoint '{path}' still holds the last good state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_NaN_input_stops_training_at_its_batch_naming_the_output()
    {
        var clean = TrainingData.Noisy(16, seed: 21);
        var inputs = clean.Inputs.ToArray();
        inputs[3] = float.NaN;
        var poisoned = new SequenceDataset(inputs, clean.Labels, TrainingData.Steps, TrainingData.Features, TrainingData.Classes);

        var error = Assert.Throws<TrainingDivergedException>(() => TrainingRun.Of(Classifier, TrainingData.Options() with { Epochs = 1 }, (t, c) => t.Fit(poisoned, null, c)));

        Assert.Equal(1, error.Step);
        Assert.Contains("training diverged at step 1 (epoch 1, batch 1): the loss is NaN at output 'label', while every parameter is finite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowNonFinite_trains_on_through_NaN()
    {
        var clean = TrainingData.Noisy(32, seed: 21);
        var inputs = clean.Inputs.ToArray();
        inputs[3] = float.NaN;
        var poisoned = new SequenceDataset(inputs, clean.Labels, TrainingData.Steps, TrainingData.Features, TrainingData.Classes);

        var run = TrainingRun.Of(Classifier, TrainingData.Options() with { Epochs = 1, AllowNonFinite = true }, (t, c) => t.Fit(poisoned, null, c));

        Assert.Equal(2, run.Losses.Count);
        Assert.Contains(run.Losses, l => float.IsNaN(l));
    }

    [Fact]
    public void Resuming_NaN_weights_warns_and_stops_at_the_first_step_naming_the_parameter()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        var train = TrainingData.Noisy(64, seed: 21);
        var options = TrainingData.Options() with { Epochs = 1, CheckpointPath = path };
        TrainingRun.Of(Classifier, options, (t, c) => t.Fit(train, null, c), cancelAtStep: 2);
        var model = Classifier(new RandomSource(1));
        Checkpoint.LoadParameters(model, path);
        CheckpointBytes.EditTensor(path, "m0.gru.weight_ih", values => values[5] = float.NaN);
        var output = new StringWriter();

        var error = Assert.Throws<TrainingDivergedException>(() => TrainingRun.Of(Classifier, options with { Resume = true, Output = output }, (t, c) => t.Fit(train, null, c)));

        Assert.Contains($"warning: checkpoint '{path}' holds a non-finite parameter, 'm0.gru.weight_ih'[5] = NaN.", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, error.Step);
        Assert.Contains("the first non-finite parameter is 'm0.gru.weight_ih'[5] = NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scan_names_the_first_non_finite_parameter_and_tells_an_overflowing_sum_from_a_real_infinity()
    {
        var model = Classifier(new RandomSource(1));
        var (name, parameter) = model.NamedParameters().Skip(1).First(p => p.Value.Data.Length >= 16);
        parameter.Data.Fill(3e38f); // sums to infinity, yet every value is finite

        Assert.Null(NonFiniteScan.FirstParameter(model));

        parameter.Data[7] = float.NegativeInfinity;
        Assert.Equal($"'{name}'[7] = -Infinity", NonFiniteScan.FirstParameter(model));
    }

    private static TinyThalNet Classifier(RandomSource random) => TinyThalNet.Classifier(random, TrainingData.Features, TrainingData.Classes);
}
