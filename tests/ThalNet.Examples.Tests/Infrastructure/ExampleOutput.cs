using System.Globalization;
using Xunit.Sdk;

namespace ThalNet.Examples.Tests.Infrastructure;

/// <summary>
/// An example's standard output read as the trainer and the examples write it: one
/// <c>epoch=&lt;n&gt; train_loss=... test_loss=...</c> line per epoch, and at the end one line per summary value
/// (<c>test_accuracy=</c> or <c>test_bpc=</c>, <c>test_loss=</c>, <c>epoch_seconds=</c>).
/// </summary>
internal sealed class ExampleOutput
{
    private readonly string _text;
    private readonly List<KeyValueLine> _lines;

    public ExampleOutput(string standardOutput)
    {
        _text = standardOutput;
        _lines = standardOutput.Split('\n')
            .Select(line => KeyValueLine.TryParse(line.TrimEnd('\r')))
            .OfType<KeyValueLine>()
            .ToList();
    }

    /// <summary>The key=value lines that have <paramref name="key"/>, in the order printed.</summary>
    public IReadOnlyList<KeyValueLine> LinesWith(string key) => _lines.Where(l => l.Has(key)).ToList();

    /// <summary>The epoch lines in the order printed.</summary>
    public IReadOnlyList<KeyValueLine> Epochs => _lines.Where(l => l.Count > 1 && l.Has("epoch")).ToList();

    public KeyValueLine Epoch(int epoch) =>
        Epochs.SingleOrDefault(l => l["epoch"] == epoch.ToString(CultureInfo.InvariantCulture))
        ?? throw new XunitException($"No line for epoch {epoch} in the output:\n{_text}");

    /// <summary>Whether a summary line <c><paramref name="key"/>=value</c> was printed.</summary>
    public bool HasSummary(string key) => _lines.Any(l => l.Count == 1 && l.Has(key));

    /// <summary>The value of the last summary line <c><paramref name="key"/>=value</c>.</summary>
    public string Summary(string key) =>
        _lines.LastOrDefault(l => l.Count == 1 && l.Has(key))?[key]
        ?? throw new XunitException($"No '{key}=' line in the output:\n{_text}");

    public double SummaryNumber(string key) => double.Parse(Summary(key), NumberStyles.Float, CultureInfo.InvariantCulture);
}
