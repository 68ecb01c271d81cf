using System.Text;
using ThalNet.Runtime.IO;

namespace ThalNet.Runtime.Tests.IO;

public class SafeTensorsFormatTests
{
    private static byte[] ToBytes(IEnumerable<TensorEntry> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var stream = new MemoryStream();
        SafeTensorsWriter.Write(stream, tensors, metadata);
        return stream.ToArray();
    }

    [Fact]
    public void Round_trip_keeps_names_shapes_values_and_metadata()
    {
        var tensors = new[]
        {
            new TensorEntry("vision.gru.weight_ih", [6, 4], Enumerable.Range(0, 24).Select(i => (i * 0.37f) - 3f).ToArray()),
            new TensorEntry("decision.out.bias", [3], new[] { float.MaxValue, float.Epsilon, -0f }),
            new TensorEntry("optimizer.step", [], new[] { 41f }),
            new TensorEntry("empty", [2, 0], Array.Empty<float>()),
        };
        var metadata = new Dictionary<string, string> { ["rng"] = "12345:678", ["format"] = "pt", ["note"] = "ünïcode \"quoted\"" };

        var file = SafeTensorsReader.Read(ToBytes(tensors, metadata), "memory");

        Assert.Equal(["decision.out.bias", "empty", "optimizer.step", "vision.gru.weight_ih"], file.Tensors.Select(t => t.Name));
        foreach (var expected in tensors)
        {
            var actual = file[expected.Name];
            Assert.Equal(expected.Shape, actual.Shape);
            Assert.Equal(expected.Data.ToArray(), actual.Data.ToArray());
        }

        Assert.Equal(metadata.OrderBy(p => p.Key), file.Metadata.OrderBy(p => p.Key));
        Assert.False(file.TryGetTensor("missing", out _));
    }

    [Fact]
    public void Layout_matches_a_file_built_by_hand_from_the_spec()
    {
        var bytes = ToBytes(
            [new TensorEntry("b", [2], new[] { 1f, -2f }), new TensorEntry("a.w", [1, 1], new[] { 0.5f })],
            new Dictionary<string, string> { ["step"] = "7", ["format"] = "pt" });

        // Keys sorted, metadata first, compact JSON, padded with spaces to a multiple of 8.
        const string Json =
            "{\"__metadata__\":{\"format\":\"pt\",\"step\":\"7\"}," +
            "\"a.w\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]}," +
            "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        Assert.Equal(154, Json.Length);
        var expected = new List<byte> { 160, 0, 0, 0, 0, 0, 0, 0 };
        expected.AddRange(Encoding.UTF8.GetBytes(Json + "      "));
        expected.AddRange([0x00, 0x00, 0x00, 0x3F]); // a.w = 0.5
        expected.AddRange([0x00, 0x00, 0x80, 0x3F]); // b[0] = 1
        expected.AddRange([0x00, 0x00, 0x00, 0xC0]); // b[1] = -2

        Assert.Equal(expected.ToArray(), bytes);
    }

    [Fact]
    public void Matches_the_reference_implementations_own_test_vectors()
    {
        // From huggingface/safetensors tensor.rs tests: "attn.0" of shape [1, 2, 3] holding 0..5,
        // and an empty file with {"framework": "pt"} metadata.
        var attn = ToBytes([new TensorEntry("attn.0", [1, 2, 3], new[] { 0f, 1, 2, 3, 4, 5 })]);
        var expectedAttn = new List<byte> { 64, 0, 0, 0, 0, 0, 0, 0 };
        expectedAttn.AddRange(Encoding.ASCII.GetBytes("{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}"));
        expectedAttn.AddRange([0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64]);
        Assert.Equal(expectedAttn.ToArray(), attn);

        var empty = ToBytes([]);
        Assert.Equal(new byte[] { 8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32 }, empty);

        var metadataOnly = ToBytes([], new Dictionary<string, string> { ["framework"] = "pt" });
        var expectedMetadata = new List<byte> { 40, 0, 0, 0, 0, 0, 0, 0 };
        expectedMetadata.AddRange(Encoding.ASCII.GetBytes("{\"__metadata__\":{\"framework\":\"pt\"}}     "));
        Assert.Equal(expectedMetadata.ToArray(), metadataOnly);
    }

    [Fact]
    public void Reads_other_dtypes_as_float32()
    {
        var data = new List<byte>();
        data.AddRange(BitConverter.GetBytes(1.25));          // F64
        data.AddRange(BitConverter.GetBytes(-7L));           // I64
        data.AddRange(BitConverter.GetBytes(123456));        // I32
        data.AddRange(BitConverter.GetBytes((Half)0.5f));    // F16
        data.AddRange([0x40, 0x40]);                         // BF16 3.0 = 0x4040
        var header =
            "{\"d\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}," +
            "\"l\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[8,16]}," +
            "\"i\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[16,20]}," +
            "\"h\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[20,22]}," +
            "\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[22,24]}}";

        var file = SafeTensorsReader.Read(SafeTensorsFiles.Build(header, data.ToArray()), "mixed");

        Assert.Equal(["d", "l", "i", "h", "b"], file.Tensors.Select(t => t.Name));
        Assert.Equal([1.25f, -7f, 123456f, 0.5f, 3f], file.Tensors.Select(t => t.Data.Span[0]));
    }

    [Fact]
    public void Writer_rejects_duplicate_and_reserved_names_and_bad_shapes()
    {
        Assert.Throws<ArgumentException>(() => ToBytes([new TensorEntry("a", [1], new[] { 1f }), new TensorEntry("a", [1], new[] { 2f })]));
        Assert.Throws<ArgumentException>(() => ToBytes([new TensorEntry("__metadata__", [1], new[] { 1f })]));
        Assert.Throws<ArgumentException>(() => new TensorEntry("a", [2, 2], new float[3]));
        Assert.Throws<ArgumentException>(() => new TensorEntry("a", [-1], Array.Empty<float>()));
    }
}

internal static class SafeTensorsFiles
{
    /// <summary>A file with the given header text and data section, laid out by hand.</summary>
    public static byte[] Build(string header, byte[] data)
    {
        var headerBytes = Encoding.UTF8.GetBytes(header);
        return [.. BitConverter.GetBytes((ulong)headerBytes.Length), .. headerBytes, .. data];
    }
}
