using System;

namespace ThalNet.Runtime.Data;

/// <summary>
/// Labelled images with pixels scaled to [0, 1], stored contiguously as [Count, Height, Width,
/// Channels]: the channels of one pixel are adjacent (r, g, b), so one image row is Width * Channels
/// consecutive values.
/// </summary>
public sealed class ImageSet
{
    /// <summary>Images over <paramref name="pixels"/> and <paramref name="labels"/> (not copied).</summary>
    /// <param name="pixels">Count x height x width x channels values in [0, 1], channels of a pixel adjacent.</param>
    /// <param name="labels">One class index per image.</param>
    /// <param name="height">Rows per image.</param>
    /// <param name="width">Pixels per row.</param>
    /// <param name="channels">Values per pixel.</param>
    /// <param name="classes">The number of classes.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
    /// <exception cref="ArgumentException">When the pixel count does not match the labels and sizes, or a label is
    /// outside [0, classes).</exception>
    public ImageSet(ReadOnlyMemory<float> pixels, ReadOnlyMemory<int> labels, int height, int width, int channels, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        var pixelsPerImage = height * width * channels;
        if (pixels.Length != (long)labels.Length * pixelsPerImage)
        {
            throw new ArgumentException($"{labels.Length} images of {height}x{width}x{channels} need {(long)labels.Length * pixelsPerImage} pixel values, got {pixels.Length}.", nameof(pixels));
        }

        Pixels = pixels;
        Labels = labels;
        Height = height;
        Width = width;
        Channels = channels;
        Classes = classes;
    }

    /// <summary>The number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Rows per image.</summary>
    public int Height { get; }

    /// <summary>Pixels per row.</summary>
    public int Width { get; }

    /// <summary>Values per pixel (1 for MNIST, 3 for CIFAR-10).</summary>
    public int Channels { get; }

    /// <summary>The number of classes; every label is in [0, Classes).</summary>
    public int Classes { get; }

    /// <summary>Values per image: Height x Width x Channels.</summary>
    public int ValuesPerImage => Height * Width * Channels;

    /// <summary>[Count, Height, Width, Channels], in [0, 1].</summary>
    public ReadOnlyMemory<float> Pixels { get; }

    /// <summary>Class index per image, in [0, Classes).</summary>
    public ReadOnlyMemory<int> Labels { get; }

    /// <summary>One image's values, [Height, Width, Channels].</summary>
    public ReadOnlySpan<float> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Pixels.Span.Slice(index * ValuesPerImage, ValuesPerImage);
    }

    /// <summary>Pixel byte to [0, 1] the way torchvision's ToTensor does (division by 255).</summary>
    internal static float Scale(byte value) => value / 255f;
}
