using static ThalNet.Specs.Tests.TestSpecs;

namespace ThalNet.Specs.Tests;

/// <summary>
/// Validation does work linear in the spec's size: a spec of 40,000 layers, or of thousands of modules and inputs,
/// validates in time linear in its size, and "did you mean" skips words too long or too different to compare.
/// </summary>
public class BoundedWorkTests
{
    [Fact]
    public void Forty_thousand_layers_are_laid_out_with_numbered_names()
    {
        var layers = string.Join(", ", Enumerable.Range(0, 20_000).Select(_ => "ff 2 relu, gru 2"));

        var layout = Layout(Yaml(
            "model: M",
            "inputs: { x: 1 }",
            "modules:",
            $"  a: {{ role: input, inputs: [x], layers: [{layers}] }}",
            "  b: { role: output, outputs: { y: { size: 2 } } }"));

        var stack = layout.Modules[0].Layers;
        Assert.Equal(40_000, stack.Count);
        Assert.Equal(["ff0", "gru0", "ff1", "gru1"], stack.Take(4).Select(l => l.Name));
        Assert.Equal(["ff19999", "gru19999"], stack.Skip(39_998).Select(l => l.Name));
        Assert.Equal(layout.Parameters.Sum(p => p.ElementCount), layout.ParameterCount);
    }

    [Fact]
    public void Thousands_of_modules_reading_thousands_of_inputs_validate()
    {
        const int Count = 5_000;
        var lines = new List<string> { "model: M", "inputs:" };
        lines.AddRange(Enumerable.Range(0, Count).Select(i => $"  x{i}: 1"));
        lines.Add("modules:");
        lines.AddRange(Enumerable.Range(0, Count).Select(i => $"  m{i}: {{ role: input, inputs: [x{i}, x{Count - 1 - i}], layers: [gru 1] }}"));
        lines.Add("  out: { role: output, layers: [gru 1], outputs: { y: { size: 2 } } }");

        var layout = Layout(Yaml([.. lines]));

        Assert.Equal(Count + 1, layout.Modules.Count);
        Assert.Equal(Count + 1, layout.CenterSize);
        Assert.All(layout.Modules.Take(Count), m => Assert.Equal(2, m.InputWidth));
    }

    [Fact]
    public void Very_long_words_get_no_suggestion_and_cost_no_distance_table()
    {
        var written = new string('a', 20_000);
        var candidate = new string('a', 19_999) + "b";

        var before = GC.GetAllocatedBytesForCurrentThread();
        var suggestion = Suggestions.Closest(written, [candidate]);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(suggestion);
        // The distance table of two 20,000-character words is 1.6 GB.
        Assert.InRange(allocated, 0, 1_000_000);
    }

    [Theory]
    [InlineData("readingg", "reading")]
    [InlineData("roles", "role")]
    public void Words_of_other_lengths_within_the_distance_are_still_compared(string written, string expected)
        => Assert.Equal(expected, Suggestions.Closest(written, ["reading", "role", "weight-norm"]));

    [Fact]
    public void A_long_list_of_expected_words_is_cut()
    {
        var candidates = Enumerable.Range(0, 1_000).Select(i => $"input{i}").ToList();

        var tail = Suggestions.For("zzz", candidates);

        Assert.Equal(". Expected one of: " + string.Join(", ", candidates.Take(Suggestions.MaxListed)) + ", ...", tail);
    }
}
