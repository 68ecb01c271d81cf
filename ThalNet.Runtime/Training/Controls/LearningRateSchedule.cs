using System.Globalization;

namespace ThalNet.Runtime.Training;

/// <summary>
/// How the learning rate changes from epoch to epoch: <see cref="TrainerOptions.LearningRate"/> times
/// <see cref="Factor"/>. It depends only on the epoch, so a resumed run follows the same schedule.
/// </summary>
public abstract record LearningRateSchedule
{
    private protected LearningRateSchedule()
    {
    }

    /// <summary>The multiplier of the base learning rate in epoch <paramref name="epoch"/> (1-based) of <paramref name="epochs"/>.</summary>
    public abstract double Factor(int epoch, int epochs);

    /// <summary>What makes the schedule unusable (a non-positive period, a factor out of range), or null.</summary>
    public abstract string? Problem();

    /// <summary>A cosine from 1 in the first epoch down to <paramref name="decayTo"/> in the last (PyTorch's CosineAnnealingLR per epoch).</summary>
    public static LearningRateSchedule Cosine(double decayTo) => new CosineSchedule(decayTo);

    /// <summary>Times <paramref name="gamma"/> after every <paramref name="everyEpochs"/> epochs (PyTorch's StepLR).</summary>
    public static LearningRateSchedule Step(int everyEpochs, double gamma) => new StepSchedule(everyEpochs, gamma);

    /// <summary>Times <paramref name="gamma"/> after every epoch (PyTorch's ExponentialLR).</summary>
    public static LearningRateSchedule Exponential(double gamma) => new ExponentialSchedule(gamma);

    private protected static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private protected static string? Fraction(string name, double value) =>
        value > 0 && value <= 1 ? null : $"{name} must be in (0, 1], got {Show(value)}";
}

/// <summary>A cosine from 1 in the first epoch down to <see cref="DecayTo"/> in the last.</summary>
/// <param name="DecayTo">The final fraction of the base learning rate, in [0, 1].</param>
public sealed record CosineSchedule(double DecayTo) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double Factor(int epoch, int epochs)
    {
        if (epochs <= 1)
        {
            return 1;
        }

        var progress = (double)(epoch - 1) / (epochs - 1);
        return DecayTo + ((1 - DecayTo) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }

    /// <inheritdoc/>
    public override string? Problem() => DecayTo >= 0 && DecayTo <= 1 ? null : $"the cosine's final fraction must be between 0 and 1, got {Show(DecayTo)}";
}

/// <summary>Times <see cref="Gamma"/> after every <see cref="EveryEpochs"/> epochs: epoch e has gamma^floor((e - 1) / every).</summary>
/// <param name="EveryEpochs">Epochs between two decays, at least 1.</param>
/// <param name="Gamma">The multiplier of each decay, in (0, 1].</param>
public sealed record StepSchedule(int EveryEpochs, double Gamma) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double Factor(int epoch, int epochs) => Math.Pow(Gamma, (epoch - 1) / EveryEpochs);

    /// <inheritdoc/>
    public override string? Problem() => EveryEpochs < 1 ? $"the step schedule's period must be at least 1 epoch, got {EveryEpochs}" : Fraction("the step schedule's gamma", Gamma);
}

/// <summary>Times <see cref="Gamma"/> after every epoch: epoch e has gamma^(e - 1).</summary>
/// <param name="Gamma">The multiplier per epoch, in (0, 1].</param>
public sealed record ExponentialSchedule(double Gamma) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double Factor(int epoch, int epochs) => Math.Pow(Gamma, epoch - 1);

    /// <inheritdoc/>
    public override string? Problem() => Fraction("the exponential schedule's gamma", Gamma);
}
