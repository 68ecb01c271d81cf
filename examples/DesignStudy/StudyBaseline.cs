using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.Specs;

namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// The paper's baseline in Figure 5: 4 stacked GRU layers as wide as 50,000 parameters allow (hidden 46 on rows of 28
/// pixels), trained with the study's settings. Logged as design <see cref="Design"/>, reading <see cref="Reading"/>,
/// with no connectivity (it has no center).
/// </summary>
internal static class StudyBaseline
{
    public const string Design = "GRU-baseline";

    public const string Reading = "none";

    public const string Name = Design + "/" + Reading;

    private const int Layers = 4;

    private const int Budget = 50_000;

    private static readonly InputInfo Pixels = new("pixels", 28, false);

    private static readonly OutputInfo Digit = new("gru", "digit", 10, LossKind.CrossEntropy, false, 1f);

    public static int HiddenSize { get; } = GruBaseline.HiddenSizeForBudget(Pixels.Width, Layers, [Digit.Size], Budget);

    public static GruBaseline Create(RandomSource random) => new("GruBaseline", [Pixels], HiddenSize, Layers, [Digit], random);

    /// <summary>Trains the baseline for one seed on the engine.</summary>
    public static StudyResult Run(StudySettings settings, StudyData data, TrainerOptions options, CancellationToken cancellation)
    {
        using var trainer = new Trainer<GruBaseline>(Create, options);
        var result = trainer.Fit(data.Train(trainer.Model.Info), data.Test(trainer.Model.Info), cancellation);
        if (result.Interrupted)
        {
            throw new OperationCanceledException(cancellation);
        }

        return new StudyResult(
            Design,
            Reading,
            options.Seed,
            settings.Epochs,
            settings.MaxBatches,
            trainer.Model.ParameterCount(),
            HiddenSize,
            [.. result.Epochs.Select(e => e.Test!.Accuracy)],
            [.. result.Epochs.Select(e => e.Train.Loss)],
            [],
            [],
            result.Epochs.Sum(e => e.Seconds),
            BackendOptions.Engine);
    }
}
