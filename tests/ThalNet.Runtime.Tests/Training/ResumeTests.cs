using ThalNet.Runtime.Data;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

/// <summary>A run interrupted after k batches and resumed from its checkpoint equals the uninterrupted run to the last bit.</summary>
public class ResumeTests
{
    [Theory]
    [InlineData(5)] // part-way through the first epoch
    [InlineData(16)] // after the first epoch's last batch, before its evaluation
    [InlineData(21)] // part-way through the second epoch: its shuffle must be drawn again
    public void Classification_resumed_after_k_batches_equals_the_uninterrupted_run(int k)
    {
        using var folder = new TempFolder();
        var train = TrainingData.Noisy(16 * 16 + 7, seed: 11);
        var test = TrainingData.Noisy(40, seed: 12);
        var options = TrainingData.Options() with { Epochs = 3, MaxGradientNorm = 1f };
        TrainingResult Fit(Trainer<TinyThalNet> trainer, CancellationToken token) => trainer.Fit(train, test, token);

        AssertResumeIsExact(Classifier, options, folder, Fit, k, batchesPerEpoch: 16);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(24)]
    [InlineData(31)]
    public void Language_model_resumed_after_k_segments_equals_the_uninterrupted_run(int k)
    {
        using var folder = new TempFolder();
        var text = TrainingData.Text(600);
        var train = new LanguageModelBatcher(text.AsMemory(0, 500), batchSize: 5, segmentLength: 4);
        var test = new LanguageModelBatcher(text.AsMemory(500), batchSize: 2, segmentLength: 4);
        var options = TrainingData.Options() with { Epochs = 2, Optimizer = OptimizerKind.Adam };
        TrainingResult Fit(Trainer<TinyThalNet> trainer, CancellationToken token) => trainer.Fit(train, test, token);

        AssertResumeIsExact(TinyThalNet.LanguageModel, options, folder, Fit, k, batchesPerEpoch: 24);
    }

    [Fact]
    public void Resuming_a_finished_run_trains_nothing_more()
    {
        using var folder = new TempFolder();
        var train = TrainingData.Noisy(64, seed: 13);
        var options = TrainingData.Options() with { Epochs = 1, CheckpointPath = folder.File("done.safetensors") };
        var done = TrainingRun.Of(Classifier, options, (t, c) => t.Fit(train, null, c));

        var again = TrainingRun.Of(Classifier, options with { Resume = true }, (t, c) => t.Fit(train, null, c));

        Assert.Empty(again.Result.Epochs);
        Assert.Empty(again.Losses);
        Assert.Equal(done.Result.GlobalStep, again.Result.GlobalStep);
        Assert.Equal(done.ParameterBits, again.ParameterBits);
    }

    [Fact]
    public void Resume_without_a_checkpoint_file_starts_from_the_beginning()
    {
        using var folder = new TempFolder();
        var train = TrainingData.Noisy(64, seed: 13);
        var options = TrainingData.Options() with { Epochs = 1 };
        var fresh = TrainingRun.Of(Classifier, options, (t, c) => t.Fit(train, null, c));

        var resumed = TrainingRun.Of(Classifier, options with { CheckpointPath = folder.File("none.safetensors"), Resume = true }, (t, c) => t.Fit(train, null, c));

        Assert.Equal(fresh.Losses, resumed.Losses);
        Assert.True(File.Exists(folder.File("none.safetensors")));
    }

    private static TinyThalNet Classifier(RandomSource random) => TinyThalNet.Classifier(random, TrainingData.Features, TrainingData.Classes);

    private static void AssertResumeIsExact(
        Func<RandomSource, TinyThalNet> createModel,
        TrainerOptions options,
        TempFolder folder,
        Func<Trainer<TinyThalNet>, CancellationToken, TrainingResult> fit,
        int k,
        int batchesPerEpoch)
    {
        var full = TrainingRun.Of(createModel, options with { CheckpointPath = folder.File("full.safetensors") }, fit);
        var path = folder.File("interrupted.safetensors");
        var first = TrainingRun.Of(createModel, options with { CheckpointPath = path }, fit, cancelAtStep: k);
        var second = TrainingRun.Of(createModel, options with { CheckpointPath = path, Resume = true }, fit);

        Assert.True(first.Result.Interrupted);
        Assert.Equal(k, first.Losses.Count);
        // Cancelled after an epoch's last batch, the run stops before that epoch's evaluation; the resumed run does it.
        Assert.Equal((k - 1) / batchesPerEpoch, first.Result.Epochs.Count);
        Assert.False(second.Result.Interrupted);
        Assert.Equal(full.Losses.Select(BitConverter.SingleToInt32Bits), first.Losses.Concat(second.Losses).Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(full.ParameterBits, second.ParameterBits);
        Assert.Equal(full.Result.GlobalStep, second.Result.GlobalStep);
        var resumedEpochs = first.Result.Epochs.Concat(second.Result.Epochs).Select(TrainingRun.Metrics);
        Assert.Equal(full.Result.Epochs.Select(TrainingRun.Metrics), resumedEpochs);
    }
}
