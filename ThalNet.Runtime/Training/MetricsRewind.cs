using System.Text.Json;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Before a resumed run appends to its metrics log, cuts the log back to the checkpoint it resumes from: the lines
/// of steps after the checkpoint (written before the process was killed, and about to be written again) and a last
/// line cut off mid-write. Lines at or before the checkpoint's step, and lines that name no step, stay.
/// </summary>
internal static class MetricsRewind
{
    /// <returns>The number of bytes removed.</returns>
    public static long TruncateAfter(string path, long step)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var keep = KeptLength(bytes, step);
        if (keep < bytes.Length)
        {
            stream.SetLength(keep);
        }

        return bytes.Length - keep;
    }

    private static long KeptLength(ReadOnlySpan<byte> bytes, long step)
    {
        var start = 0;
        while (start < bytes.Length)
        {
            var newline = bytes[start..].IndexOf((byte)'\n');
            if (newline < 0 || StepOf(bytes.Slice(start, newline)) > step)
            {
                return start;
            }

            start += newline + 1;
        }

        return start;
    }

    /// <summary>The top-level "step" of a JSON line; null when the line is not such an object.</summary>
    private static long? StepOf(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStep = reader.ValueTextEquals("step"u8);
                reader.Read();
                if (isStep && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
                {
                    return value;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
