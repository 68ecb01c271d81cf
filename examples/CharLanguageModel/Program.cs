using ThalNet.Examples;
using ThalNet.Examples.CharLanguageModel;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Training;

// Byte-level language modelling with truncated backpropagation through time: batches of 10 streams,
// segments of 50 bytes, the state carried from one segment to the next. Any file works as a corpus
// (text8, Tiny Shakespeare); it is split 90/5/5 into training, validation and test bytes.
return new ExampleCommand("Train the byte-level ThalNet language model (bits per character).", "tinyshakespeare", epochs: 5, batchSize: 10)
    .Run(args, Train, Analyze);

static int Train(ExampleSettings settings)
{
    var corpus = Load(settings);
    return LanguageModelExample.Train(settings, random => new CharLanguageModelNet(random), () => new CharLanguageModelNetTorch(), Source(corpus.Train, "training", settings), Source(corpus.Test, "test", settings));
}

static int Analyze(ExampleSettings settings, string output) =>
    LanguageModelExample.Analyze(settings, output, random => new CharLanguageModelNet(random), Source(Load(settings).Test, "test", settings));

static ByteCorpus Load(ExampleSettings settings) => ExampleData.Corpus(settings.DataDirectory);

static LanguageModelSource Source(ReadOnlyMemory<byte> bytes, string part, ExampleSettings settings) =>
    new(ExampleData.Streams(settings.DataDirectory, bytes, part, settings.BatchSize, SegmentLength), CharLanguageModelNet.Layout.Info);

internal static partial class Program
{
    private const int SegmentLength = 50;
}
