namespace ThalNet.Runtime.Data;

/// <summary>The sequential MNIST tasks of the ThalNet paper (see <see cref="ImageSequences"/>).</summary>
public static class MnistSequences
{
    /// <summary>Sequential MNIST: 28 steps, one image row of 28 pixels each.</summary>
    public static SequenceDataset Rows(ImageSet images) => ImageSequences.Rows(images);

    /// <summary>
    /// Permuted sequential MNIST: the 784 pixels permuted by a fixed permutation from
    /// <paramref name="seed"/>, then fed as 784 / <paramref name="stepWidth"/> steps (default: 28 steps
    /// of 28 values, as in the paper). Use the same seed for the train and test sets.
    /// </summary>
    public static SequenceDataset Permuted(ImageSet images, ulong seed, int stepWidth = MnistReader.ImageSize) =>
        ImageSequences.Permuted(images, seed, stepWidth);
}
