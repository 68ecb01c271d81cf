using ThalNet.Examples;
using ThalNet.Runtime;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.Specs;

// The paper's baseline: a 4-layer stacked GRU as large as the 50k-parameter budget allows (hidden 46 on MNIST rows),
// trained exactly like the ThalNet examples so their results compare (--task text: batches of 10 streams, as
// CharLanguageModel trains).
return new ExampleCommand(
        "Train the stacked-GRU baseline under the same parameter budget as the ThalNet examples.",
        "mnist-8k2k",
        taskData: new Dictionary<string, string> { ["sequential-mnist"] = "mnist-8k2k", ["permuted-mnist"] = "mnist-8k2k", ["text"] = "tinyshakespeare" },
        taskBatchSizes: new Dictionary<string, int> { ["text"] = 10 })
    .Run(args, Train, Analyze);

static int Train(ExampleSettings settings)
{
    if (settings.Task == "text")
    {
        var corpus = Corpus(settings);
        return LanguageModelExample.Train(settings, TextModel, TextSource(corpus.Train, "training", settings), TextSource(corpus.Test, "test", settings));
    }

    return ClassificationExample.Train(settings, ImageModel, Images(settings, DataSplit.Train), Images(settings, DataSplit.Test));
}

static int Analyze(ExampleSettings settings, string output)
{
    Console.Error.WriteLine("The GRU baseline has no center and no reading weights to analyse; run analyze on a ThalNet example.");
    return 2;
}

static GruBaseline ImageModel(RandomSource random) =>
    new("GruBaseline", [Pixels], GruBaseline.HiddenSizeForBudget(Pixels.Width, Layers, [10], Budget), Layers, [Digit], random);

static GruBaseline TextModel(RandomSource random) =>
    new("GruBaselineText", [Text], GruBaseline.HiddenSizeForBudget(Text.Width, Layers, [256], TextBudget), Layers, [NextByte], random);

static SequenceDatasetSource Images(ExampleSettings settings, DataSplit split)
{
    var images = MnistReader.Load(settings.DataDirectory, split);
    var sequences = settings.Task == "permuted-mnist" ? ExampleData.PermutedRows(images) : ImageSequences.Rows(images);
    return new SequenceDatasetSource(sequences, ImageModel(new RandomSource(0)).Info);
}

static ByteCorpus Corpus(ExampleSettings settings) => ExampleData.Corpus(settings.DataDirectory);

static LanguageModelSource TextSource(ReadOnlyMemory<byte> bytes, string part, ExampleSettings settings) =>
    new(ExampleData.Streams(settings.DataDirectory, bytes, part, settings.BatchSize, 50), TextModel(new RandomSource(0)).Info);

internal static partial class Program
{
    private const int Layers = 4;
    private const int Budget = 50_000;
    /// <summary>The text model gets the parameter count of the ThalNet language model it is compared with.</summary>
    private const int TextBudget = 260_000;
    private static readonly InputInfo Pixels = new("pixels", 28, false);
    private static readonly InputInfo Text = new("text", 256, true);
    private static readonly OutputInfo Digit = new("gru", "digit", 10, LossKind.CrossEntropy, false, 1f);
    private static readonly OutputInfo NextByte = new("gru", "next", 256, LossKind.CrossEntropy, true, 1f);
}
