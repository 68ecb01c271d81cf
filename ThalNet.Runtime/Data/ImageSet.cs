using System;

namespace ThalNet.Runtime.Data;

/// <summary>
/// Labelled images with pixels scaled to [0, 1], stored contiguously as [Count, Height, Width,
/// Channels]: the channels of one pixel are adjacent (r, g, b), so one image row is Width * Channels
/// consecutive values.
/// </summary>
public sealed class ImageSet
{
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

    public int Count => Labels.Length;

    public int Height { get; }

    public int Width { get; }

    public int Channels { get; }

    public int Classes { get; }

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
