using System.Buffers.Binary;
using System.Text.Json;

namespace ThalNet.Runtime.IO;

/// <summary>
/// Reads safetensors files and converts every tensor to float32. Validates like the reference
/// implementation: the header must fit in the file, the tensors' data must tile the data section
/// exactly (no gaps, overlaps or trailing bytes), and each tensor's byte range must match its
/// shape and dtype. Any violation throws <see cref="CheckpointException"/>.
/// </summary>
public static class SafeTensorsReader
{
    // The reference implementation refuses larger headers too.
    private const ulong MaxHeaderLength = 100_000_000;

    private const string Resave = "Save the checkpoint again, or use an earlier or backup copy.";

    private const string Truncated = "The file is truncated, probably by an interrupted copy or write; use an earlier or backup copy.";

    /// <summary>Reads and checks a whole safetensors file (float32 tensors only).</summary>
    /// <exception cref="CheckpointException">When the file is missing, a folder, truncated or corrupt, or holds another
    /// dtype; the message says what to do.</exception>
    public static SafeTensorsFile ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw Corrupt(path, "it is a folder, not a file", "Give the path of the checkpoint file inside it.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Corrupt(path, $"the file cannot be opened ({e.Message})", "Check that it exists and that you may read it.");
        }

        return Read(bytes, path);
    }

    /// <param name="bytes">The whole file.</param>
    /// <param name="source">The file path or a name for the source, used in error messages.</param>
    public static SafeTensorsFile Read(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.Length < 8)
        {
            throw Corrupt(source, $"the file is {bytes.Length} bytes long, too short for the 8-byte header length", Truncated);
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderLength)
        {
            throw Corrupt(source, $"the header length {headerLength} is over the {MaxHeaderLength}-byte limit, so the file is corrupt or not a safetensors file", Resave);
        }

        if ((ulong)bytes.Length - 8 < headerLength)
        {
            throw Corrupt(source, $"the header length {headerLength} is more than the {bytes.Length - 8} bytes that follow it", Truncated);
        }

        var header = bytes.Slice(8, (int)headerLength);
        var data = bytes[(8 + (int)headerLength)..];
        var (infos, metadata) = ParseHeader(header, source);
        ValidateLayout(infos, data.Length, source);

        var tensors = new List<TensorEntry>(infos.Count);
        foreach (var info in infos)
        {
            var values = new float[info.Count];
            var inexact = SafeTensorsDType.ToFloat32(info.DType, data[(int)info.Begin..(int)info.End], values);
            if (inexact >= 0)
            {
                throw Corrupt(source, $"tensor '{info.Name}' ({info.DType}) holds the integer at index {inexact}, which float32 cannot represent exactly",
                    "Store large integers such as step counters in the metadata instead.");
            }

            tensors.Add(new TensorEntry(info.Name, info.Shape, values));
        }

        return new SafeTensorsFile(tensors, metadata);
    }

    private sealed record TensorInfo(string Name, string DType, int[] Shape, long Count, long Begin, long End);

    private static (List<TensorInfo> Tensors, Dictionary<string, string> Metadata) ParseHeader(ReadOnlySpan<byte> header, string source)
    {
        if (!System.Text.Unicode.Utf8.IsValid(header))
        {
            throw Corrupt(source, "the header is not valid UTF-8 text", Resave);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException e)
        {
            throw Corrupt(source, $"the header is not valid JSON ({e.Message})", Resave);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Corrupt(source, $"the header is a JSON {document.RootElement.ValueKind}, not an object", Resave);
            }

            var tensors = new List<TensorInfo>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw Corrupt(source, $"the header names '{property.Name}' twice", Resave);
                }

                if (property.Name == "__metadata__")
                {
                    ReadMetadata(property.Value, metadata, source);
                }
                else
                {
                    tensors.Add(ReadTensorInfo(property.Name, property.Value, source));
                }
            }

            return (tensors, metadata);
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Corrupt(source, "'__metadata__' is not a JSON object of strings", Resave);
        }

        foreach (var entry in element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw Corrupt(source, $"metadata entry '{entry.Name}' is a JSON {entry.Value.ValueKind}, not a string", Resave);
            }

            metadata[entry.Name] = entry.Value.GetString()!;
        }
    }

    private static TensorInfo ReadTensorInfo(string name, JsonElement element, string source)
    {
        CheckpointException Bad(string what) => Corrupt(source, $"tensor '{name}' {what}", Resave);

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Bad("is not described by a JSON object");
        }

        if (!element.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
        {
            throw Bad("has no \"dtype\" string");
        }

        var dtype = dtypeElement.GetString()!;
        if (SafeTensorsDType.SizeOf(dtype) == 0)
        {
            throw Corrupt(source, $"tensor '{name}' has dtype '{dtype}', which this reader does not support (supported: {SafeTensorsDType.Supported})",
                "Convert the tensor to float32 before saving it (in PyTorch: tensor.float()).");
        }

        var shape = ReadIntegers(element, "shape", Bad);
        var offsets = ReadIntegers(element, "data_offsets", Bad);
        if (offsets.Length != 2)
        {
            throw Bad($"has {offsets.Length} data_offsets instead of [begin, end]");
        }

        long count = 1;
        foreach (var dim in shape)
        {
            count = dim <= int.MaxValue && count <= int.MaxValue ? count * dim : long.MaxValue;
        }

        if (count > Array.MaxLength)
        {
            throw Bad($"has shape [{string.Join(", ", shape)}], too many elements for one array");
        }

        return new TensorInfo(name, dtype, shape.Select(d => (int)d).ToArray(), count, offsets[0], offsets[1]);
    }

    private static long[] ReadIntegers(JsonElement element, string key, Func<string, CheckpointException> bad)
    {
        if (!element.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw bad($"has no \"{key}\" array");
        }

        var values = new long[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out values[i]) || values[i] < 0)
            {
                throw bad($"has \"{key}\" {array.GetRawText()}, which are not all non-negative integers");
            }

            i++;
        }

        return values;
    }

    private static void ValidateLayout(List<TensorInfo> tensors, int dataLength, string source)
    {
        tensors.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expectedBegin = 0;
        TensorInfo? previous = null;
        foreach (var t in tensors)
        {
            var range = $"data_offsets [{t.Begin}, {t.End}]";
            if (t.End < t.Begin)
            {
                throw Corrupt(source, $"tensor '{t.Name}' has {range}, which end before they begin", Resave);
            }

            if (t.End > dataLength)
            {
                throw Corrupt(source, $"tensor '{t.Name}' has {range}, past the end of the {dataLength}-byte data section", Truncated);
            }

            if (t.Begin < expectedBegin)
            {
                throw Corrupt(source, $"tensor '{t.Name}' with {range} overlaps tensor '{previous!.Name}' with data_offsets [{previous.Begin}, {previous.End}]", Resave);
            }

            if (t.Begin > expectedBegin)
            {
                throw Corrupt(source, $"bytes {expectedBegin} to {t.Begin} of the data section belong to no tensor (next is '{t.Name}' with {range})", Resave);
            }

            var expectedBytes = t.Count * SafeTensorsDType.SizeOf(t.DType);
            if (t.End - t.Begin != expectedBytes)
            {
                throw Corrupt(source, $"tensor '{t.Name}' has shape [{string.Join(", ", t.Shape)}] and dtype {t.DType}, which need {expectedBytes} bytes, but its {range} span {t.End - t.Begin}", Resave);
            }

            expectedBegin = t.End;
            previous = t;
        }

        if (expectedBegin != dataLength)
        {
            throw Corrupt(source, $"the last {dataLength - expectedBegin} bytes of the data section belong to no tensor", Resave);
        }
    }

    private static CheckpointException Corrupt(string source, string problem, string remedy) => new(source, problem, remedy);
}
