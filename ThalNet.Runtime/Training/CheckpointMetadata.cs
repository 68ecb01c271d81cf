using System.Globalization;
using ThalNet.Runtime.IO;

namespace ThalNet.Runtime.Training;

/// <summary>Typed reads of a checkpoint's string metadata; a missing or malformed entry is a <see cref="CheckpointException"/> naming the file.</summary>
internal sealed class CheckpointMetadata(IReadOnlyDictionary<string, string> values, string path)
{
    public const string Remedy = "Resume with the model and options that wrote it, or start afresh without resuming (or delete the file).";

    public string Path => path;

    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

    public string String(string key) =>
        values.TryGetValue(key, out var value) ? value : throw Invalid($"its metadata has no '{key}' entry");

    public int Int(string key) => int.TryParse(String(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Malformed(key);

    public long Long(string key) => long.TryParse(String(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Malformed(key);

    public double Double(string key) => double.TryParse(String(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Malformed(key);

    public byte[] RandomState(string key)
    {
        try
        {
            var bytes = Convert.FromBase64String(String(key));
            // xoshiro256** cannot leave the all-zero state, so no run ever saved it.
            return bytes.Length == RandomSource.StateByteLength && bytes.AsSpan().ContainsAnyExcept((byte)0) ? bytes : throw Malformed(key);
        }
        catch (FormatException)
        {
            throw Malformed(key);
        }
    }

    public CheckpointException Invalid(string problem) => new(path, problem, Remedy);

    private CheckpointException Malformed(string key) => Invalid($"its metadata entry '{key}' = '{values[key]}' is malformed");
}
