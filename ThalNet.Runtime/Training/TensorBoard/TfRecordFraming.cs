using System.Buffers.Binary;
using System.Numerics;

namespace ThalNet.Runtime.Training;

/// <summary>
/// TFRecord framing, as TensorBoard reads event files: each record is its length (uint64, little-endian), the masked
/// CRC-32C of those 8 bytes, the data, and the masked CRC-32C of the data.
/// </summary>
internal static class TfRecordFraming
{
    /// <summary>Writes <paramref name="data"/> as one record.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], MaskedCrc(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, MaskedCrc(data));
        stream.Write(header);
        stream.Write(data);
        stream.Write(footer);
    }

    /// <summary>The CRC-32C (Castagnoli) of <paramref name="data"/>, rotated right by 15 bits plus 0xa282ead8, as TFRecord stores it.</summary>
    public static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        crc = ~crc;
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }
}
