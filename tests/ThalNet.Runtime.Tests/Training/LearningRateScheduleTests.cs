using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Constant_without_a_schedule()
    {
        var options = new TrainerOptions { Epochs = 5, LearningRate = 2e-3f };
        Assert.All(Enumerable.Range(1, 5), e => Assert.Equal(2e-3f, options.LearningRateAt(e)));
    }

    [Fact]
    public void Cosine_runs_from_the_rate_to_the_fraction()
    {
        var options = new TrainerOptions { Epochs = 5, LearningRate = 2e-3f, CosineDecayTo = 0.1f };
        Assert.Equal(2e-3f, options.LearningRateAt(1), 6);
        Assert.Equal(2e-3f * 0.55f, options.LearningRateAt(3), 6);
        Assert.Equal(2e-4f, options.LearningRateAt(5), 6);
        Assert.True(options.LearningRateAt(2) > options.LearningRateAt(3));
    }

    [Fact]
    public void Fraction_outside_zero_to_one_is_refused()
    {
        using var trainerless = new StringWriter();
        Assert.Throws<TrainerOptionsException>(() => new Trainer<TinyThalNet>(r => TinyThalNet.Classifier(r, TrainingData.Features, TrainingData.Classes), new TrainerOptions { CosineDecayTo = 1.5f, Output = trainerless }));
    }
}
