using ThalNet.Runtime.IO;
using ThalNet.Runtime.Nn;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

public class CheckpointTests
{
    [Fact]
    public void A_checkpoint_holds_parameters_optimizer_state_and_the_position()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        Train(path, c => Classifier(c), cancelAtStep: 3);

        var file = SafeTensorsReader.ReadFile(path);

        Assert.Contains(file.Tensors, t => t.Name == "m0.gru.weight_ih");
        Assert.Contains(file.Tensors, t => t.Name == "optimizer.step");
        Assert.Contains(file.Tensors, t => t.Name == "optimizer.square_avg.m1.label.weight");
        Assert.Equal("thalnet-training", file.Metadata["format"]);
        Assert.Equal("1", file.Metadata["format_version"]);
        Assert.Equal("TinyClassifier", file.Metadata["model"]);
        Assert.Equal("0", file.Metadata["epoch"]);
        Assert.Equal("3", file.Metadata["batch_in_epoch"]);
        Assert.Equal("3", file.Metadata["global_step"]);
        Assert.Equal(RandomSource.StateByteLength, Convert.FromBase64String(file.Metadata["rng_state"]).Length);
        Assert.Equal(RandomSource.StateByteLength, Convert.FromBase64String(file.Metadata["epoch_rng_state"]).Length);
    }

    [Fact]
    public void A_language_model_checkpoint_holds_the_carried_state_of_every_stream()
    {
        using var folder = new TempFolder();
        var path = folder.File("lm.safetensors");
        var text = TrainingData.Text(300);
        TrainingRun.Of(TinyThalNet.LanguageModel, TrainingData.Options() with { CheckpointPath = path }, (t, c) => t.Fit(new Runtime.Data.LanguageModelBatcher(text, 3, 4), null, c), cancelAtStep: 2);

        var file = SafeTensorsReader.ReadFile(path);

        Assert.Equal([3, TinyThalNet.Center], file["state.center"].Shape);
        Assert.Equal([3, TinyThalNet.Features], file["state.m1.features"].Shape);
        Assert.Contains(file["state.center"].Data.ToArray(), v => v != 0f);
    }

    [Fact]
    public void A_truncated_checkpoint_is_reported_with_its_file_name()
    {
        using var folder = new TempFolder();
        var path = folder.File("truncated.safetensors");
        Train(path, c => Classifier(c), cancelAtStep: 2);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<CheckpointException>(() => Train(path, c => Classifier(c), resume: true));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void A_parameter_shape_mismatch_names_the_parameter_and_both_shapes()
    {
        using var folder = new TempFolder();
        var path = folder.File("shape.safetensors");
        Train(path, c => Classifier(c), cancelAtStep: 2);

        var error = Assert.Throws<CheckpointException>(() => Train(path, c => TinyThalNet.Classifier(c, TrainingData.Features, classes: 5), resume: true));

        Assert.Contains(path, error.Message);
        Assert.Contains("'m1.label.weight' [4, 8] where this model has [5, 8]", error.Message);
    }

    [Fact]
    public void A_checkpoint_of_another_model_names_both_models()
    {
        using var folder = new TempFolder();
        var path = folder.File("other.safetensors");
        Train(path, c => Classifier(c), cancelAtStep: 2);

        var error = Assert.Throws<CheckpointException>(() => Train(path, c => TinyThalNet.Classifier(c, TrainingData.Features, TrainingData.Classes, name: "Other"), resume: true));

        Assert.Contains("model 'TinyClassifier', but this run uses model 'Other'", error.Message);
    }

    [Fact]
    public void A_checkpoint_of_another_optimizer_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.File("optimizer.safetensors");
        Train(path, c => Classifier(c), cancelAtStep: 2);

        var error = Assert.Throws<CheckpointException>(() => Train(path, c => Classifier(c), resume: true, options: o => o with { Optimizer = OptimizerKind.Adam }));

        Assert.Contains("rmsprop optimizer's state, but this run uses adam", error.Message);
    }

    [Fact]
    public void A_plain_safetensors_file_is_not_a_training_checkpoint_but_loads_as_parameters()
    {
        using var folder = new TempFolder();
        var path = folder.File("plain.safetensors");
        var source = Classifier(new RandomSource(1));
        SafeTensorsWriter.WriteFile(path, StateDict.Save(source).Select(p => new TensorEntry(p.Key, Dims(p.Value), p.Value.Data.ToArray())));

        var error = Assert.Throws<CheckpointException>(() => Train(path, c => Classifier(c), resume: true));
        var target = Classifier(new RandomSource(2));
        Checkpoint.LoadParameters(target, path);

        Assert.Contains("not a ThalNet training checkpoint", error.Message);
        Assert.Equal(TrainingRun.Bits(source), TrainingRun.Bits(target));
    }

    [Fact]
    public void LoadParameters_restores_a_trained_model()
    {
        using var folder = new TempFolder();
        var path = folder.File("trained.safetensors");
        var trained = Train(path, c => Classifier(c));
        var fresh = Classifier(new RandomSource(99));

        Checkpoint.LoadParameters(fresh, path);

        Assert.Equal(trained.ParameterBits, TrainingRun.Bits(fresh));
    }

    private static TinyThalNet Classifier(RandomSource random) => TinyThalNet.Classifier(random, TrainingData.Features, TrainingData.Classes);

    private static TrainingRun Train(string path, Func<RandomSource, TinyThalNet> createModel, long cancelAtStep = -1, bool resume = false, Func<TrainerOptions, TrainerOptions>? options = null)
    {
        var train = TrainingData.Noisy(64, seed: 21);
        var baseOptions = TrainingData.Options() with { Epochs = 1, CheckpointPath = path, Resume = resume };
        return TrainingRun.Of(createModel, options?.Invoke(baseOptions) ?? baseOptions, (t, c) => t.Fit(train, null, c), cancelAtStep);
    }

    private static int[] Dims(Tensor t) => [.. Enumerable.Range(0, t.Shape.Rank).Select(i => t.Shape[i])];
}
