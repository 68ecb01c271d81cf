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
        Directory.Exists(path) ? Path.Combine(path, "input.txt") : path,
        howToGet: "Pass --data with a text file or a folder holding input.txt (Tiny Shakespeare), or text8.");
}
