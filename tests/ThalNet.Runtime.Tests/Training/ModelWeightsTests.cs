using ThalNet.Runtime.IO;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

/// <summary>The public weights API a hand-written loop uses, and how a file of another model is reported.</summary>
public class ModelWeightsTests
{
    [Fact]
    public void Saved_weights_load_into_a_fresh_model_bit_for_bit()
    {
        using var folder = new TempFolder();
        var path = folder.File("weights.safetensors");
        var trained = Classifier(1);

        trained.SaveWeights(path);
        var fresh = Classifier(2);
        fresh.LoadWeights(path);

        Assert.Equal(TrainingRun.Bits(trained), TrainingRun.Bits(fresh));
        var file = SafeTensorsReader.ReadFile(path);
        Assert.Equal(ModelWeights.Format, file.Metadata["format"]);
        Assert.Equal("TinyClassifier", file.Metadata["model"]);
        Assert.Equal(trained.NamedParameters().Select(p => p.Key).Order(StringComparer.Ordinal), file.Tensors.Select(t => t.Name));
    }

    [Fact]
    public void Saving_again_replaces_the_file_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("weights.safetensors");
        Classifier(1).SaveWeights(path);
        var second = Classifier(3);

        second.SaveWeights(path);
        var loaded = Classifier(4);
        loaded.LoadWeights(path);

        Assert.Equal(TrainingRun.Bits(second), TrainingRun.Bits(loaded));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_trainer_checkpoint_loads_as_weights()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        var train = TrainingData.Noisy(64, seed: 21);
        var run = TrainingRun.Of(r => TinyThalNet.Classifier(r, TrainingData.Features, TrainingData.Classes), TrainingData.Options() with { Epochs = 1, CheckpointPath = path }, (t, c) => t.Fit(train, null, c));

        var fresh = Classifier(9);
        fresh.LoadWeights(path);

        Assert.Equal(run.ParameterBits, TrainingRun.Bits(fresh));
    }

    [Fact]
    public void Weights_of_another_model_are_summed_up_in_one_short_message_and_change_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.File("renamed.safetensors");
        var source = Classifier(1);
        // Every parameter under another name, as a model with other module names would write them.
        SafeTensorsWriter.WriteFile(path, source.NamedParameters().Select(p => Checkpoint.Entry("other." + p.Key, p.Value)));
        var target = Classifier(2);
        var before = TrainingRun.Bits(target);
        var names = target.NamedParameters().Select(p => p.Key).ToList();

        var error = Assert.Throws<CheckpointException>(() => { target.LoadWeights(path); });

        Assert.Equal(
            $"Checkpoint '{path}' cannot be read: it was written by a model with other parameters than model 'TinyClassifier': " +
            $"{names.Count} missing (e.g. '{names[0]}', '{names[1]}'), " +
            $"{names.Count} unexpected (e.g. 'other.m0.ff.bias', 'other.m0.ff.weight'). " +
            "Load it into the model that trained it: the same spec (or model class) and the same options.",
            error.Message);
        Assert.Equal(before, TrainingRun.Bits(target));
    }

    [Fact]
    public void A_reshaped_parameter_names_both_shapes()
    {
        using var folder = new TempFolder();
        var path = folder.File("weights.safetensors");
        Classifier(1).SaveWeights(path);
        var wider = TinyThalNet.Classifier(new RandomSource(2), TrainingData.Features, classes: 5);

        var error = Assert.Throws<CheckpointException>(() => { wider.LoadWeights(path); });

        Assert.Contains("it was written by a model with other parameters than model 'TinyClassifier': 2 with another shape ('m1.label.weight' [4, 8] where this model has [5, 8], 'm1.label.bias' [4] where this model has [5])", error.Message);
    }

    private static TinyThalNet Classifier(ulong seed) => TinyThalNet.Classifier(new RandomSource(seed), TrainingData.Features, TrainingData.Classes);
}
