using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Compares a file's tensors with a model's parameters and sums up what does not fit in one short problem: how many
/// are missing, unexpected or of another shape, with the first few names, rather than one line per parameter.
/// </summary>
internal static class CheckpointParameters
{
    private const int Examples = 2;

    /// <summary>Tensor name prefixes that hold training state, not parameters.</summary>
    private static readonly string[] StatePrefixes = ["optimizer.", CarriedStateTensors.Prefix];

    /// <param name="writer">The model name in the file's metadata, when it has one.</param>
    /// <returns>The problem, or null when every parameter is present with its shape and there is nothing else.</returns>
    /// <param name="modelName">The name of the model being loaded, for the message.</param>
    /// <param name="parameters">The model's parameters with their shapes.</param>
    /// <param name="file">The file's tensors.</param>
    public static string? Mismatch(string modelName, IReadOnlyList<(string Name, int[] Shape)> parameters, SafeTensorsFile file, string? writer)
    {
        var missing = new List<string>();
        var reshaped = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, shape) in parameters)
        {
            known.Add(name);
            if (!file.TryGetTensor(name, out var entry))
            {
                missing.Add($"'{name}'");
            }
            else if (!entry.Shape.AsSpan().SequenceEqual(shape))
            {
                reshaped.Add($"'{name}' [{string.Join(", ", entry.Shape)}] where this model has [{string.Join(", ", shape)}]");
            }
        }

        var unexpected = file.Tensors
            .Select(t => t.Name)
            .Where(n => !known.Contains(n) && !StatePrefixes.Any(prefix => n.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(n => $"'{n}'")
            .ToList();
        if (missing.Count + reshaped.Count + unexpected.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        Describe(parts, missing, "missing");
        Describe(parts, unexpected, "unexpected");
        Describe(parts, reshaped, "with another shape");
        var by = writer is null || writer == modelName ? "a model" : $"model '{writer}'";
        return $"it was written by {by} with other parameters than model '{modelName}': {string.Join(", ", parts)}";
    }

    internal static int[] Dims(Shape shape)
    {
        var dims = new int[shape.Rank];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = shape[i];
        }

        return dims;
    }

    private static void Describe(List<string> parts, List<string> names, string what)
    {
        if (names.Count == 0)
        {
            return;
        }

        var shown = string.Join(", ", names.Take(Examples));
        parts.Add(names.Count <= Examples ? $"{names.Count} {what} ({shown})" : $"{names.Count} {what} (e.g. {shown})");
    }
}
