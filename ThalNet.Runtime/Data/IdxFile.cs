using System;
using System.Buffers.Binary;
using System.Linq;

namespace ThalNet.Runtime.Data;

/// <summary>
/// The IDX format of MNIST: a big-endian magic number 0x0000TTDD (TT = 0x08 for unsigned bytes, DD =
/// number of dimensions), DD big-endian int32 sizes, then the data row-major.
/// </summary>
internal static class IdxFile
{
    public const int ImagesMagic = 0x0803; // 2051: unsigned bytes, 3 dimensions
    public const int LabelsMagic = 0x0801; // 2049: unsigned bytes, 1 dimension

    /// <summary>Reads an unsigned-byte IDX file and checks its magic number and exact length.</summary>
    /// <returns>The dimensions and the data that follows the header.</returns>
    public static (int[] Dimensions, ReadOnlyMemory<byte> Data) Read(string path, int expectedMagic, string howToGet)
    {
        // A compressed file is decompressed no further than its header declares, so a decompression bomb costs nothing.
        var file = FileBytes.Read(path, howToGet, head => head.Length >= 4 + (4 * (expectedMagic & 0xFF)) ? Header(head, path, expectedMagic, howToGet, "").Length : null);
        var bytes = file.Bytes;
        var (dimensions, headerLength, expectedLength) = Header(bytes, path, expectedMagic, howToGet, file.LengthNote);
        if (bytes.Length != expectedLength)
        {
            var what = bytes.Length < expectedLength ? "the file is truncated" : "the file has trailing data";
            throw new DatasetException(path, $"expected {expectedLength} bytes{file.LengthNote} for dimensions [{string.Join(", ", dimensions)}], found {bytes.Length}: {what}", howToGet);
        }

        return (dimensions, bytes.AsMemory(headerLength));
    }

    /// <summary>The header's dimensions, its length, and the length of the whole file it declares.</summary>
    private static (int[] Dimensions, int HeaderLength, long Length) Header(ReadOnlySpan<byte> bytes, string path, int expectedMagic, string howToGet, string lengthNote)
    {
        if (bytes.Length < 4)
        {
            throw new DatasetException(path, $"expected an IDX header, found only {bytes.Length} bytes{lengthNote}", howToGet);
        }

        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != expectedMagic)
        {
            throw new DatasetException(path, $"magic number is {magic}, expected {expectedMagic} ({Describe(expectedMagic)}); the file is corrupt or not this kind of IDX file", howToGet);
        }

        var rank = magic & 0xFF;
        var headerLength = 4 + (4 * rank);
        if (bytes.Length < headerLength)
        {
            throw new DatasetException(path, $"expected a {headerLength}-byte IDX header, found {bytes.Length} bytes{lengthNote}", howToGet);
        }

        var dimensions = new int[rank];
        long elements = 1;
        for (var i = 0; i < rank; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(bytes[(4 + (4 * i))..]);
            if (dimensions[i] < 0)
            {
                throw new DatasetException(path, $"dimension {i} is {dimensions[i]}; the header is corrupt", howToGet);
            }

            elements *= dimensions[i]; // cannot overflow: both factors are below 2^31
            if (elements > Array.MaxLength)
            {
                throw new DatasetException(path, $"dimensions [{string.Join(", ", dimensions.Take(i + 1))}] exceed any array; the header is corrupt", howToGet);
            }
        }

        return (dimensions, headerLength, headerLength + elements);
    }

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => "IDX unsigned-byte images",
        LabelsMagic => "IDX unsigned-byte labels",
        _ => "IDX",
    };
}
