using System;

namespace ThalNet.Runtime.Data;

/// <summary>Turns images into sequences for sequence classification.</summary>
public static class ImageSequences
{
    /// <summary>
    /// One step per image row: Height steps of Width * Channels values (MNIST: 28 x 28; CIFAR-10:
    /// 32 x 96 with r, g, b adjacent per pixel). Shares the images' storage.
    /// </summary>
    public static SequenceDataset Rows(ImageSet images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return new SequenceDataset(images.Pixels, images.Labels, images.Height, images.Width * images.Channels, images.Classes);
    }

    /// <summary>
    /// The fixed permutation that <see cref="Permuted"/> applies: value j of a permuted image is
    /// value <c>permutation[j]</c> of the original. It depends only on <paramref name="seed"/>, so the
    /// train and test sets get the same one.
    /// </summary>
    public static int[] Permutation(int length, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var permutation = new int[length];
        for (var i = 0; i < length; i++)
        {
            permutation[i] = i;
        }

        new RandomSource(seed).Shuffle(permutation);
        return permutation;
    }

    /// <summary>
    /// Permuted sequential images: all values of each image are shuffled by one fixed permutation
    /// (<see cref="Permutation"/>), then cut into steps of <paramref name="stepWidth"/> consecutive
    /// values. With width 28 on MNIST this gives 28 steps of 28 values, the same sequence shape as the
    /// unpermuted task (the ThalNet setting); width 1 gives the 784-step pixel-by-pixel variant.
    /// Copies the data.
    /// </summary>
    public static SequenceDataset Permuted(ImageSet images, ulong seed, int stepWidth)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepWidth);
        var length = images.ValuesPerImage;
        if (length % stepWidth != 0)
        {
            throw new ArgumentException($"An image has {length} values, which is not a whole number of steps of {stepWidth}.", nameof(stepWidth));
        }

        var permutation = Permutation(length, seed);
        var source = images.Pixels.Span;
        var permuted = new float[source.Length];
        for (var start = 0; start < permuted.Length; start += length)
        {
            var image = source.Slice(start, length);
            var target = permuted.AsSpan(start, length);
            for (var j = 0; j < length; j++)
            {
                target[j] = image[permutation[j]];
            }
        }

        return new SequenceDataset(permuted, images.Labels, length / stepWidth, stepWidth, images.Classes);
    }
}
