using System.Runtime.InteropServices;
using ThalNet.Runtime.IO;

namespace ThalNet.Examples.Tests.Infrastructure;

/// <summary>Compares training checkpoints (safetensors) as the runtime reads them.</summary>
internal static class CheckpointAssert
{
    /// <summary>
    /// Every tensor (parameters, optimizer state, carried state) has the same name, shape and bits in both files, and
    /// the metadata (position in training, random generator states) is the same apart from the keys in
    /// <paramref name="ignoredMetadata"/> (wall-clock times) and the metadata checksum, which covers them.
    /// </summary>
    public static void Identical(string expectedPath, string actualPath, params string[] ignoredMetadata)
    {
        var expected = SafeTensorsReader.ReadFile(expectedPath);
        var actual = SafeTensorsReader.ReadFile(actualPath);

        Assert.Equal(expected.Tensors.Select(t => t.Name), actual.Tensors.Select(t => t.Name));
        foreach (var tensor in expected.Tensors)
        {
            var other = actual[tensor.Name];
            Assert.Equal(tensor.Shape, other.Shape);
            var same = MemoryMarshal.AsBytes(tensor.Data.Span).SequenceEqual(MemoryMarshal.AsBytes(other.Data.Span));
            Assert.True(same, $"Tensor '{tensor.Name}' differs between {expectedPath} and {actualPath}.");
        }

        Assert.Equal(Relevant(expected.Metadata, ignoredMetadata), Relevant(actual.Metadata, ignoredMetadata));
    }

    private static SortedDictionary<string, string> Relevant(IReadOnlyDictionary<string, string> metadata, string[] ignored) =>
        new(metadata.Where(m => !ignored.Contains(m.Key) && m.Key != MetadataChecksum.MetadataKey).ToDictionary(m => m.Key, m => m.Value), StringComparer.Ordinal);
}
