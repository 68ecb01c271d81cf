using System.Text;
using ThalNet.Runtime.IO;

namespace ThalNet.Runtime.Tests.IO;

public class SafeTensorsCorruptionTests
{
    private const string Source = "runs/mnist/step-100.safetensors";

    private static readonly byte[] EightBytes = new byte[8];

    private static CheckpointException Fails(byte[] bytes) =>
        Assert.Throws<CheckpointException>(() => SafeTensorsReader.Read(bytes, Source));

    private static CheckpointException FailsWithHeader(string header, int dataBytes) =>
        Fails(SafeTensorsFiles.Build(header, new byte[dataBytes]));

    private static void AssertMessage(CheckpointException e, params string[] parts)
    {
        Assert.Equal(Source, e.FilePath);
        Assert.Contains(Source, e.Message);
        foreach (var part in parts)
        {
            Assert.Contains(part, e.Message);
        }
    }

    private static byte[] ValidFile()
    {
        using var stream = new MemoryStream();
        SafeTensorsWriter.Write(stream, [new TensorEntry("a", [2], new[] { 1f, 2f }), new TensorEntry("b", [1], new[] { 3f })]);
        return stream.ToArray();
    }

    [Fact]
    public void Valid_file_reads()
    {
        Assert.Equal(2, SafeTensorsReader.Read(ValidFile(), Source).Tensors.Count);
    }

    [Fact]
    public void Truncated_data_is_reported()
    {
        var bytes = ValidFile();
        AssertMessage(Fails(bytes[..^1]), "tensor 'b'", "past the end", "truncated");
    }

    [Fact]
    public void File_shorter_than_the_length_prefix_is_reported()
    {
        AssertMessage(Fails([1, 2, 3]), "3 bytes long", "truncated");
    }

    [Fact]
    public void Header_length_beyond_the_file_is_reported()
    {
        var bytes = ValidFile();
        AssertMessage(Fails(bytes[..20]), "header length", "more than the 12 bytes", "truncated");
    }

    [Fact]
    public void Absurd_header_length_is_reported()
    {
        AssertMessage(Fails([.. BitConverter.GetBytes(ulong.MaxValue), .. EightBytes]), "over the 100000000-byte limit");
    }

    [Fact]
    public void Invalid_json_is_reported()
    {
        AssertMessage(FailsWithHeader("{\"a\":{\"dtype\":\"F32\",", 0), "not valid JSON", "Save the checkpoint again");
    }

    [Fact]
    public void Invalid_utf8_is_reported()
    {
        byte[] header = [(byte)'{', (byte)'"', 0xC3, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        AssertMessage(Fails([.. BitConverter.GetBytes(8UL), .. header]), "not valid UTF-8");
    }

    [Fact]
    public void Header_that_is_not_an_object_is_reported()
    {
        AssertMessage(FailsWithHeader("[1, 2]", 0), "JSON Array, not an object");
    }

    [Fact]
    public void Missing_fields_are_reported()
    {
        AssertMessage(FailsWithHeader("{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", 4), "tensor 'a'", "dtype");
        AssertMessage(FailsWithHeader("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4), "tensor 'a'", "\"shape\"");
        AssertMessage(FailsWithHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", 4), "tensor 'a'", "data_offsets");
        AssertMessage(FailsWithHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4), "tensor 'a'", "non-negative integers");
        AssertMessage(FailsWithHeader("{\"a\":[1]}", 4), "tensor 'a'", "not described by a JSON object");
    }

    [Fact]
    public void Offsets_out_of_range_are_reported()
    {
        AssertMessage(FailsWithHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 4), "tensor 'a'", "[0, 8]", "past the end of the 4-byte data section");
        AssertMessage(FailsWithHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,0]}}", 4), "tensor 'a'", "end before they begin");
    }

    [Fact]
    public void Overlapping_offsets_are_reported()
    {
        var header =
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}," +
            "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        AssertMessage(FailsWithHeader(header, 12), "tensor 'b'", "overlaps tensor 'a'");
    }

    [Fact]
    public void Gaps_and_trailing_bytes_are_reported()
    {
        AssertMessage(FailsWithHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "bytes 0 to 4", "belong to no tensor");
        AssertMessage(FailsWithHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8), "last 4 bytes", "belong to no tensor");
    }

    [Fact]
    public void Shape_and_offsets_that_disagree_are_reported()
    {
        AssertMessage(FailsWithHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8), "tensor 'a'", "need 12 bytes", "span 8");
    }

    [Fact]
    public void Unknown_dtype_is_reported_with_the_supported_list()
    {
        AssertMessage(FailsWithHeader("{\"a\":{\"dtype\":\"Q4\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1), "dtype 'Q4'", "supported: F32", "tensor.float()");
    }

    [Fact]
    public void Bad_metadata_and_duplicate_names_are_reported()
    {
        AssertMessage(FailsWithHeader("{\"__metadata__\":{\"step\":7}}", 0), "metadata entry 'step'", "not a string");
        AssertMessage(FailsWithHeader("{\"__metadata__\":[]}", 0), "'__metadata__'");
        var duplicate =
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}," +
            "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        AssertMessage(FailsWithHeader(duplicate, 8), "names 'a' twice");
    }

    [Fact]
    public void Integers_that_float32_cannot_hold_are_reported()
    {
        var data = BitConverter.GetBytes((1L << 24) + 1);
        AssertMessage(Fails(SafeTensorsFiles.Build("{\"step\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", data)), "tensor 'step'", "cannot represent exactly");
    }

    [Fact]
    public void Reading_a_file_names_its_path()
    {
        var folder = Directory.CreateTempSubdirectory("thalnet-io-");
        try
        {
            var path = Path.Combine(folder.FullName, "broken.safetensors");
            File.WriteAllBytes(path, Encoding.ASCII.GetBytes("not a checkpoint"));
            var e = Assert.Throws<CheckpointException>(() => SafeTensorsReader.ReadFile(path));
            Assert.Equal(path, e.FilePath);
            Assert.StartsWith($"Checkpoint '{path}' cannot be read: ", e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
