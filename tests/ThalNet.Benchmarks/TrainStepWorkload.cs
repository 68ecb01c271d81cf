using ThalNet.Examples.CharLanguageModel;
using ThalNet.Examples.DesignStudy;
using ThalNet.Examples.SequentialMnist;
using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Specs;

namespace ThalNet.Benchmarks;

/// <summary>A model the train-step benchmark trains, with the sequence length and batch its example trains with.</summary>
internal sealed record TrainStepWorkload(string Name, Func<RandomSource, SequenceModel> Create, int Steps, int Batch)
{
    /// <summary>The paper's sequential-MNIST ThalNet: 28 rows of 28 pixels, batch 50.</summary>
    public static readonly TrainStepWorkload SequentialMnist = new("sequential-mnist", random => new SequentialMnistNet(random), 28, 50);

    /// <summary>The byte-level language model: segments of 50 bytes, 10 streams, a prediction at every step.</summary>
    public static readonly TrainStepWorkload CharLanguageModel = new("char-lm", random => new CharLanguageModelNet(random), 50, 10);

    /// <summary>
    /// The GruBaseline example's text model: 4 stacked GRU layers as wide as the language model's parameter count
    /// allows, on the same segments (samples per second compare with <see cref="CharLanguageModel"/>).
    /// </summary>
    public static readonly TrainStepWorkload GruBaselineText = new("gru-baseline-text", random => TextBaseline(random), 50, 10);

    /// <summary>The GruBaseline example's image model (4 layers, 50,000 parameters) on sequential MNIST's shape.</summary>
    public static readonly TrainStepWorkload GruBaselineMnist = new("gru-baseline-mnist", random => MnistBaseline(random), 28, 50);

    /// <summary>The design study's FF-GRU ThalNet with weight-norm reading (layer size solved from 50,000 parameters).</summary>
    public static readonly TrainStepWorkload FfGruWeightNorm = new("ff-gru-weight-norm", random => new FfGruWeightNormNet(random), 28, 50);

    /// <summary>The design study's FF-GRU ThalNet with fast softmax reading.</summary>
    public static readonly TrainStepWorkload FfGruFastSoftmax = new("ff-gru-fast-softmax", random => new FfGruFastSoftmaxNet(random), 28, 50);

    /// <summary>The design study's FF-GRU ThalNet with fast Gaussian reading.</summary>
    public static readonly TrainStepWorkload FfGruFastGaussian = new("ff-gru-fast-gaussian", random => new FfGruFastGaussianNet(random), 28, 50);

    public static IReadOnlyList<TrainStepWorkload> All { get; } = [SequentialMnist, CharLanguageModel, GruBaselineText, GruBaselineMnist, FfGruWeightNorm, FfGruFastSoftmax, FfGruFastGaussian];

    /// <summary>The design study's FF-GRU models that <c>--compare fast-readers</c> trains in turn, weight-norm first.</summary>
    public static IReadOnlyList<TrainStepWorkload> FastReaderComparison { get; } = [FfGruWeightNorm, FfGruFastSoftmax, FfGruFastGaussian];

    /// <summary>The GRU baseline of the same task, for <c>--compare gru-baseline</c>.</summary>
    public TrainStepWorkload Baseline => Name is "char-lm" or "gru-baseline-text" ? GruBaselineText : GruBaselineMnist;

    private const int BaselineLayers = 4;

    private static GruBaseline TextBaseline(RandomSource random)
    {
        InputInfo text = new("text", 256, true);
        OutputInfo next = new("gru", "next", 256, LossKind.CrossEntropy, true, 1f);
        var hidden = GruBaseline.HiddenSizeForBudget(text.Width, BaselineLayers, [256], CharLanguageModelNet.ParameterCount);
        return new GruBaseline("GruBaselineText", [text], hidden, BaselineLayers, [next], random);
    }

    private static GruBaseline MnistBaseline(RandomSource random)
    {
        InputInfo pixels = new("pixels", 28, false);
        OutputInfo digit = new("gru", "digit", 10, LossKind.CrossEntropy, false, 1f);
        var hidden = GruBaseline.HiddenSizeForBudget(pixels.Width, BaselineLayers, [10], 50_000);
        return new GruBaseline("GruBaseline", [pixels], hidden, BaselineLayers, [digit], random);
    }
}
