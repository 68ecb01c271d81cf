using System.Text.Json;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Reads JSON-lines metrics logs: one object per line with an integer <c>step</c>, an optional
/// <c>split</c> (default <c>train</c>), an optional <c>output</c> name and any numeric fields (<c>loss</c>, <c>accuracy</c>,
/// <c>epoch</c>, ...). Blank lines, unknown non-numeric fields and nulls are skipped; a word in a field training writes
/// as a number (<c>"loss":"x"</c>) is an error. JSON has no
/// NaN, so non-finite values are written as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.
/// </summary>
public static class MetricsLog
{
    /// <summary>The split of a line that names none.</summary>
    public const string DefaultSplit = "train";

    /// <summary>The numeric fields training writes: a string other than a non-finite word in one is a damaged line, not an unknown field.</summary>
    private static readonly HashSet<string> WrittenMetrics = new(StringComparer.Ordinal) { "epoch", "loss", "accuracy", "bpc", "samples_per_second" };

    /// <summary>Reads a metrics log file.</summary>
    /// <exception cref="MetricsFormatException">When a line is not a metrics record; the message names the file and
    /// line.</exception>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static IReadOnlyList<MetricsRecord> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Reads a metrics log from its text.</summary>
    /// <param name="text">The log's lines.</param>
    /// <param name="source">A name for the log in error messages.</param>
    /// <exception cref="MetricsFormatException">When a line is not a metrics record.</exception>
    public static IReadOnlyList<MetricsRecord> Parse(string text, string source = "metrics log") =>
        Parse(new StringReader(text), source);

    /// <summary>Reads a metrics log line by line.</summary>
    /// <exception cref="MetricsFormatException">When a line is not a metrics record.</exception>
    /// <param name="reader">Where the lines come from; read to its end.</param>
    /// <param name="source">The file path or a name for the log, used in error messages.</param>
    public static IReadOnlyList<MetricsRecord> Parse(TextReader reader, string source = "metrics log")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<MetricsRecord>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                records.Add(ParseLine(line, source, lineNumber));
            }
        }

        return records;
    }

    private static MetricsRecord ParseLine(string line, string source, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            var hint = line.Contains("NaN", StringComparison.Ordinal) || line.Contains("Infinity", StringComparison.Ordinal)
                ? " (bare NaN and Infinity are not JSON; write them as strings such as \"NaN\")"
                : "";
            throw new MetricsFormatException(source, lineNumber, $"invalid JSON{hint}: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MetricsFormatException(source, lineNumber, $"a JSON {root.ValueKind} instead of an object");
            }

            long? step = null;
            var split = DefaultSplit;
            string? output = null;
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var field in root.EnumerateObject())
            {
                switch (field.Name)
                {
                    case "step":
                        step = ReadStep(field.Value) ?? throw new MetricsFormatException(source, lineNumber, $"\"step\" is {field.Value.GetRawText()}, not a non-negative integer");
                        break;
                    case "split":
                        split = field.Value.ValueKind == JsonValueKind.String
                            ? field.Value.GetString()!
                            : throw new MetricsFormatException(source, lineNumber, $"\"split\" is {field.Value.GetRawText()}, not a string");
                        break;
                    case "output" when field.Value.ValueKind == JsonValueKind.String:
                        output = field.Value.GetString();
                        break;
                    default:
                        if (ReadNumber(field.Value) is { } number)
                        {
                            values[field.Name] = number;
                        }
                        else if (field.Value.ValueKind == JsonValueKind.String && WrittenMetrics.Contains(field.Name))
                        {
                            throw new MetricsFormatException(source, lineNumber, $"\"{field.Name}\" is {field.Value.GetRawText()}, not a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
                        }

                        break;
                }
            }

            return step is { } s
                ? new MetricsRecord(s, split, values) { Output = output }
                : throw new MetricsFormatException(source, lineNumber, "no \"step\" field");
        }
    }

    private static long? ReadStep(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetInt64(out var step))
        {
            return step >= 0 ? step : null;
        }

        // Some loggers write 100.0 for 100.
        var number = value.GetDouble();
        return number >= 0 && number <= long.MaxValue && Math.Floor(number) == number ? (long)number : null;
    }

    private static double? ReadNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => null,
        },
        _ => null,
    };
}
