using ThalNet.Runtime.Data;

namespace ThalNet.Examples;

/// <summary>Data preparation that several examples share, so their results compare.</summary>
public static class ExampleData
{
    /// <summary>Fixed so that every run, every model and the test set see the same permutation.</summary>
    public const ulong PermutationSeed = 2017;

    /// <summary>Permuted sequential MNIST: one fixed permutation of the 784 pixels, then 28 values per step.</summary>
    public static SequenceDataset PermutedRows(ImageSet images) => ImageSequences.Permuted(images, PermutationSeed, stepWidth: 28);

    /// <summary>A byte corpus from a text file, or from a folder holding input.txt (Tiny Shakespeare's name).</summary>
    public static ByteCorpus Corpus(string path) => ByteCorpus.Load(
        CorpusFile(path),
        howToGet: "Pass --data with a text file or a folder holding input.txt (Tiny Shakespeare), or text8.");

    /// <summary>
    /// Streams of one part of the corpus at <paramref name="path"/> (<paramref name="part"/> names it: "training",
    /// "test"), refusing with the file's name a part too small for one batch of --batch-size streams.
    /// </summary>
    public static LanguageModelBatcher Streams(string path, ReadOnlyMemory<byte> bytes, string part, int batchSize, int segmentLength) =>
        LanguageModelBatcher.SegmentsFor(bytes.Length, batchSize, segmentLength) > 0
            ? new LanguageModelBatcher(bytes, batchSize, segmentLength)
            : throw new DatasetException(
                CorpusFile(path),
                $"its {part} part has {bytes.Length} bytes, too few for one batch of {batchSize} streams of {segmentLength + 1} bytes",
                "Use a larger corpus, or a smaller --batch-size.");

    private static string CorpusFile(string path) => Directory.Exists(path) ? Path.Combine(path, "input.txt") : path;
}
