using System;
using System.IO;
using System.Linq;

namespace ThalNet.Runtime.Data;

/// <summary>
/// Reads the binary version of CIFAR-10: <c>data_batch_1.bin</c> .. <c>data_batch_5.bin</c> (train)
/// and <c>test_batch.bin</c> (test). Each record is one label byte then 3072 pixel bytes: the 32x32
/// red plane, then green, then blue, each row-major.
/// </summary>
public static class CifarReader
{
    /// <summary>Height and width of an image in pixels: 32.</summary>
    public const int ImageSize = 32;
    /// <summary>Colour channels per pixel: 3 (red, green, blue).</summary>
    public const int Channels = 3;
    /// <summary>The number of classes: 10.</summary>
    public const int Classes = 10;
    /// <summary>Bytes per record in a batch file: one label byte and 32 x 32 x 3 pixel bytes.</summary>
    public const int RecordLength = 1 + (ImageSize * ImageSize * Channels);

    /// <summary>
    /// Loads one split as 32x32x3 images in [0, 1], channels interleaved per pixel (r, g, b), so
    /// each image row is 96 consecutive values. <paramref name="directory"/> may be the folder holding
    /// the .bin files or the folder the archive was extracted into (holding cifar-10-batches-bin).
    /// </summary>
    /// <exception cref="DatasetException">A file is missing, truncated or corrupt.</exception>
    public static ImageSet Load(string directory, DataSplit split)
    {
        var howToGet = DatasetCatalog.Cifar10.HowToGet;
        if (File.Exists(directory))
        {
            throw new DatasetException(directory, "is a file, but the CIFAR-10 location must be the folder that holds data_batch_1.bin to data_batch_5.bin and test_batch.bin", howToGet);
        }

        var nested = Path.Combine(directory, DatasetCatalog.CifarBatchFolder);
        if (!File.Exists(Path.Combine(directory, "test_batch.bin")) && Directory.Exists(nested))
        {
            directory = nested;
        }

        string[] names = split == DataSplit.Train
            ? ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"]
            : ["test_batch.bin"];
        var files = names.Select(name => ReadRecords(Path.Combine(directory, name), howToGet)).ToList();

        var count = files.Sum(f => f.Length / RecordLength);
        var pixels = new float[count * (RecordLength - 1)];
        var labels = new int[count];
        var example = 0;
        for (var f = 0; f < files.Count; f++)
        {
            var bytes = files[f];
            for (var offset = 0; offset < bytes.Length; offset += RecordLength, example++)
            {
                var label = bytes[offset];
                if (label >= Classes)
                {
                    var path = Path.Combine(directory, names[f]);
                    throw new DatasetException(path, $"label {label} of record {offset / RecordLength} is outside 0..{Classes - 1}; the file is corrupt", howToGet);
                }

                labels[example] = label;
                Interleave(bytes.AsSpan(offset + 1, RecordLength - 1), pixels.AsSpan(example * (RecordLength - 1), RecordLength - 1));
            }
        }

        return new ImageSet(pixels, labels, ImageSize, ImageSize, Channels, Classes);
    }

    private static byte[] ReadRecords(string path, string howToGet)
    {
        var file = FileBytes.Read(path, howToGet);
        var length = file.Bytes.Length;
        if (length == 0 || length % RecordLength != 0)
        {
            var whole = length / RecordLength;
            throw new DatasetException(path, $"expected a whole number of {RecordLength}-byte records (e.g. {Math.Max(whole, 1) * RecordLength} bytes), found {length} bytes{file.LengthNote}: the file is truncated or not a CIFAR-10 batch", howToGet);
        }

        return file.Bytes;
    }

    // Planes [c][y][x] to pixels [y][x][c].
    private static void Interleave(ReadOnlySpan<byte> planes, Span<float> pixels)
    {
        const int Plane = ImageSize * ImageSize;
        for (var p = 0; p < Plane; p++)
        {
            for (var c = 0; c < Channels; c++)
            {
                pixels[(p * Channels) + c] = ImageSet.Scale(planes[(c * Plane) + p]);
            }
        }
    }
}
