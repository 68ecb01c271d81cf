using System.Globalization;

namespace ThalNet.Examples.Tests.Infrastructure;

/// <summary>One machine-readable output line: <c>key=value</c> pairs separated by spaces, e.g. an epoch line.</summary>
internal sealed class KeyValueLine
{
    private readonly Dictionary<string, string> _values;

    private KeyValueLine(string text, Dictionary<string, string> values)
    {
        Text = text;
        _values = values;
    }

    public string Text { get; }

    public int Count => _values.Count;

    public string this[string key] =>
        _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No '{key}=' in the line: {Text}");

    /// <summary>The line's pairs, or null when some word of it is not <c>key=value</c>.</summary>
    public static KeyValueLine? TryParse(string line)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !values.TryAdd(word[..equals], word[(equals + 1)..]))
            {
                return null;
            }
        }

        return values.Count > 0 ? new KeyValueLine(line.Trim(), values) : null;
    }

    public IEnumerable<string> Keys => _values.Keys;

    public bool Has(string key) => _values.ContainsKey(key);

    public double Number(string key) => double.Parse(this[key], NumberStyles.Float, CultureInfo.InvariantCulture);

    public override string ToString() => Text;
}
