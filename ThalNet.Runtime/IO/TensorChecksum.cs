using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ThalNet.Runtime.IO;

/// <summary>
/// A SHA-256 of a checkpoint's tensors (names, shapes and float32 values, in name order), kept in the safetensors
/// metadata under <see cref="MetadataKey"/> so that a flipped bit or a damaged copy is caught on load. Files
/// written elsewhere (PyTorch) carry none and load unchecked.
/// </summary>
internal static class TensorChecksum
{
    /// <summary>The metadata key the checksum is stored under.</summary>
    public const string MetadataKey = "tensors_sha256";

    /// <summary>The SHA-256 of the tensors' names, shapes and values, in name order, as lower-case hex.</summary>
    public static string Compute(IEnumerable<TensorEntry> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> word = stackalloc byte[sizeof(long)];
        foreach (var tensor in tensors.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(tensor.Name));
            BinaryPrimitives.WriteInt64LittleEndian(word, tensor.Shape.Length);
            hash.AppendData(word);
            foreach (var dim in tensor.Shape)
            {
                BinaryPrimitives.WriteInt64LittleEndian(word, dim);
                hash.AppendData(word);
            }

            AppendLittleEndian(hash, tensor.Data.Span);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Checks <paramref name="file"/> against the checksum in its metadata, when it has one.</summary>
    /// <exception cref="CheckpointException">The tensors differ from those the checksum was taken of.</exception>
    public static void Verify(SafeTensorsFile file, string path)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.Metadata.TryGetValue(MetadataKey, out var expected))
        {
            return;
        }

        if (!string.Equals(Compute(file.Tensors), expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new CheckpointException(path, $"its tensors do not match the checksum in its metadata ('{MetadataKey}'), so their bytes changed after it was written (a damaged disk, copy or edit)",
                "Use an earlier or backup copy, or train afresh.");
        }
    }

    private static void AppendLittleEndian(IncrementalHash hash, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            hash.AppendData(MemoryMarshal.AsBytes(values));
            return;
        }

        Span<byte> bytes = stackalloc byte[sizeof(float)];
        foreach (var value in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
            hash.AppendData(bytes);
        }
    }
}
