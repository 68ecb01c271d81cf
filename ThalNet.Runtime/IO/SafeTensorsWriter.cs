using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ThalNet.Runtime.IO;

/// <summary>
/// Writes float32 tensors in the safetensors format, byte for byte as the reference
/// implementation (huggingface/safetensors) does: an 8-byte little-endian header length, a compact
/// JSON header padded with spaces to a multiple of 8, then the little-endian data of every tensor
/// in header order. Tensors are sorted by name (ordinal); metadata keys are sorted too, so the same
/// checkpoint always gives the same bytes.
/// </summary>
public static class SafeTensorsWriter
{
    private const string MetadataKey = "__metadata__";

    /// <summary>Writes a checkpoint file atomically (see <see cref="AtomicFile"/>).</summary>
    public static void WriteFile(
        string path, IEnumerable<TensorEntry> tensors, IReadOnlyDictionary<string, string>? metadata = null) =>
        AtomicFile.Write(path, stream => Write(stream, tensors, metadata));

    /// <summary>Writes a safetensors file to <paramref name="stream"/>: tensors and metadata keys sorted by name, so
    /// one checkpoint always gives the same bytes.</summary>
    /// <exception cref="ArgumentNullException">When the stream or tensors are null.</exception>
    /// <exception cref="ArgumentException">When two tensors have the same name or one is named
    /// <c>__metadata__</c>.</exception>
    public static void Write(
        Stream stream, IEnumerable<TensorEntry> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        var sorted = tensors.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Name == MetadataKey)
            {
                throw new ArgumentException($"'{MetadataKey}' is reserved for metadata and cannot name a tensor.", nameof(tensors));
            }

            if (i > 0 && sorted[i].Name == sorted[i - 1].Name)
            {
                throw new ArgumentException($"Two tensors are named '{sorted[i].Name}'.", nameof(tensors));
            }
        }

        var header = BuildHeader(sorted, metadata);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        WriteData(stream, sorted);
    }

    private static byte[] BuildHeader(List<TensorEntry> sorted, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        // serde_json escapes only quotes, backslashes and control characters; so does the relaxed encoder
        // for the ASCII names parameters have.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            long offset = 0;
            foreach (var tensor in sorted)
            {
                var end = offset + ((long)tensor.Data.Length * sizeof(float));
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", SafeTensorsDType.Float32);
                json.WriteStartArray("shape");
                foreach (var dim in tensor.Shape)
                {
                    json.WriteNumberValue(dim);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }

            json.WriteEndObject();
        }

        var padding = (int)((8 - (buffer.Length % 8)) % 8);
        for (var i = 0; i < padding; i++)
        {
            buffer.WriteByte((byte)' ');
        }

        return buffer.ToArray();
    }

    private static void WriteData(Stream stream, List<TensorEntry> sorted)
    {
        var chunk = new byte[1 << 16];
        foreach (var tensor in sorted)
        {
            var values = tensor.Data.Span;
            for (var start = 0; start < values.Length; start += chunk.Length / sizeof(float))
            {
                var count = Math.Min(chunk.Length / sizeof(float), values.Length - start);
                for (var i = 0; i < count; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(chunk.AsSpan(i * sizeof(float)), values[start + i]);
                }

                stream.Write(chunk, 0, count * sizeof(float));
            }
        }
    }
}
