using System.Buffers.Binary;
using System.Text.Json;
using ThalNet.Runtime.IO;

namespace ThalNet.Runtime.Tests.Robustness;

/// <summary>Damage done to a checkpoint file on purpose: one flipped bit in a tensor, or edited metadata.</summary>
internal static class CheckpointBytes
{
    /// <summary>Flips bit <paramref name="bit"/> of value <paramref name="index"/> of tensor <paramref name="tensor"/>, in place.</summary>
    public static void FlipBit(string path, string tensor, int index, int bit)
    {
        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        var begin = header.RootElement.GetProperty(tensor).GetProperty("data_offsets")[0].GetInt32();
        bytes[8 + headerLength + begin + (index * sizeof(float)) + (bit / 8)] ^= (byte)(1 << (bit % 8));
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// Rewrites the file with the values of <paramref name="tensor"/> changed by <paramref name="edit"/> and a checksum
    /// and metadata checksums that match: a checkpoint as a run that produced those values would have saved it.
    /// </summary>
    public static void EditTensor(string path, string tensor, Action<float[]> edit)
    {
        var file = SafeTensorsReader.ReadFile(path);
        var tensors = file.Tensors.Select(t =>
        {
            if (t.Name != tensor)
            {
                return t;
            }

            var values = t.Data.ToArray();
            edit(values);
            return new TensorEntry(t.Name, t.Shape, values);
        }).ToList();
        var metadata = new Dictionary<string, string>(file.Metadata) { [TensorChecksum.MetadataKey] = TensorChecksum.Compute(tensors) };
        metadata[MetadataChecksum.MetadataKey] = MetadataChecksum.Compute(metadata);
        SafeTensorsWriter.WriteFile(path, tensors, metadata);
    }

    /// <summary>
    /// Rewrites the file with its metadata changed by <paramref name="edit"/>, its tensors as they were, and a metadata
    /// checksum that matches: metadata as a faulty writer would have saved it.
    /// </summary>
    public static void EditMetadata(string path, Action<Dictionary<string, string>> edit)
    {
        var file = SafeTensorsReader.ReadFile(path);
        var metadata = new Dictionary<string, string>(file.Metadata);
        edit(metadata);
        metadata[MetadataChecksum.MetadataKey] = MetadataChecksum.Compute(metadata);
        SafeTensorsWriter.WriteFile(path, file.Tensors, metadata);
    }

    /// <summary>Rewrites the file with its metadata changed by <paramref name="edit"/> and everything else, checksums included, as it was.</summary>
    public static void TamperMetadata(string path, Action<Dictionary<string, string>> edit)
    {
        var file = SafeTensorsReader.ReadFile(path);
        var metadata = new Dictionary<string, string>(file.Metadata);
        edit(metadata);
        SafeTensorsWriter.WriteFile(path, file.Tensors, metadata);
    }
}
