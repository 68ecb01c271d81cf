using ThalNet.Runtime.Data;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

/// <summary>Once warm, a training step allocates nothing (one worker, so every allocation is on the test's thread).</summary>
public class AllocationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_steady_state_classification_step_allocates_nothing(bool clip)
    {
        var train = TrainingData.Noisy(16 * 28, seed: 41);

        var allocated = AllocatedPerStep(r => TinyThalNet.Classifier(r, TrainingData.Features, TrainingData.Classes), (t, c) => t.Fit(train, null, c), clip ? 1f : null);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_steady_state_language_model_step_allocates_nothing()
    {
        var text = TrainingData.Text(600);

        var allocated = AllocatedPerStep(TinyThalNet.LanguageModel, (t, c) => t.Fit(new LanguageModelBatcher(text, 4, 5), null, c), maxGradientNorm: null);

        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// Bytes per step over the quieter of two windows of steps: a step that allocates shows in both, while a one-off
    /// allocation of the runtime itself (seen once in CI, 224 bytes a step over one window) leaves the other clean.
    /// </summary>
    private static long AllocatedPerStep(Func<RandomSource, TinyThalNet> createModel, Func<Trainer<TinyThalNet>, CancellationToken, TrainingResult> fit, float? maxGradientNorm)
    {
        const int Warmup = 4;
        const int Measured = 12;
        var bytes = new long[Warmup + (2 * Measured)];
        var options = TrainingData.Options(workers: 1) with { Epochs = 1, MaxBatchesPerEpoch = bytes.Length, LogEvery = 2, MaxGradientNorm = maxGradientNorm };
        using var trainer = new Trainer<TinyThalNet>(createModel, options);
        trainer.BatchCompleted += step => bytes[step.BatchInEpoch - 1] = GC.GetAllocatedBytesForCurrentThread();

        fit(trainer, CancellationToken.None);

        var first = bytes[Warmup + Measured - 1] - bytes[Warmup - 1];
        var second = bytes[^1] - bytes[Warmup + Measured - 1];
        return Math.Min(first, second) / Measured;
    }
}
