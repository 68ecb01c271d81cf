using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace ThalNet.Runtime.Tests.Data;

/// <summary>Writes small dataset files in the real formats.</summary>
internal static class DataFiles
{
    /// <summary>An unsigned-byte IDX file: magic 0x08rr, big-endian dimensions, data.</summary>
    public static byte[] Idx(int[] dimensions, byte[] data, int? magic = null)
    {
        var header = new byte[4 + (4 * dimensions.Length)];
        BinaryPrimitives.WriteInt32BigEndian(header, magic ?? (0x0800 | dimensions.Length));
        for (var i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        return [.. header, .. data];
    }

    /// <summary>Image k has pixel p = (k * 31 + p) mod 256.</summary>
    public static byte[] MnistPixels(int count) =>
        Enumerable.Range(0, count * 784).Select(i => (byte)((((i / 784) * 31) + (i % 784)) % 256)).ToArray();

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Writes a consistent MNIST split of <paramref name="labels"/>.Length images.</summary>
    public static void WriteMnist(string folder, string prefix, byte[] labels, bool gzip)
    {
        var images = Idx([labels.Length, 28, 28], MnistPixels(labels.Length));
        var labelFile = Idx([labels.Length], labels);
        var suffix = gzip ? ".gz" : "";
        File.WriteAllBytes(Path.Combine(folder, $"{prefix}-images-idx3-ubyte{suffix}"), gzip ? Gzip(images) : images);
        File.WriteAllBytes(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte{suffix}"), gzip ? Gzip(labelFile) : labelFile);
    }

    /// <summary>One CIFAR-10 record: label, then planes with value (channel * 80 + pixel + seed) mod 256.</summary>
    public static byte[] CifarRecord(byte label, int seed)
    {
        var record = new byte[3073];
        record[0] = label;
        for (var c = 0; c < 3; c++)
        {
            for (var p = 0; p < 1024; p++)
            {
                record[1 + (c * 1024) + p] = CifarValue(c, p, seed);
            }
        }

        return record;
    }

    public static byte CifarValue(int channel, int pixel, int seed) => (byte)(((channel * 80) + pixel + seed) % 256);
}
