using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ThalNet.Runtime.IO;

/// <summary>
/// A SHA-256 of a checkpoint's metadata (every entry but this one, in key order; the tensors' checksum is an entry, so
/// it covers the tensors too), kept under <see cref="MetadataKey"/> so that an edited counter or position is caught on
/// load. Files written without it (older checkpoints, PyTorch) load unchecked.
/// </summary>
public static class MetadataChecksum
{
    /// <summary>The metadata entry that holds the checksum, as 64 lower-case hex digits.</summary>
    public const string MetadataKey = "metadata_sha256";

    /// <summary>The checksum of every entry of <paramref name="metadata"/> except <see cref="MetadataKey"/>.</summary>
    public static string Compute(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, value) in metadata.Where(e => e.Key != MetadataKey).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Append(hash, key);
            Append(hash, value);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Checks <paramref name="file"/>'s metadata against the checksum in it, when it has one.</summary>
    /// <exception cref="CheckpointException">An entry changed after the file was written.</exception>
    public static void Verify(SafeTensorsFile file, string path)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Metadata.TryGetValue(MetadataKey, out var expected) && !string.Equals(Compute(file.Metadata), expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new CheckpointException(path, $"its metadata does not match the checksum in it ('{MetadataKey}'), so an entry changed after it was written (a damaged disk, copy or edit)",
                "Use an earlier or backup copy, or train afresh.");
        }
    }

    /// <summary>A length-prefixed UTF-8 string, so that no two different entry lists hash the same bytes.</summary>
    private static void Append(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
