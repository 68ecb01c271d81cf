using System.Xml.Linq;
using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

/// <summary>The attention readers' strip (one row per module and one for the null slot) and their table of means.</summary>
public sealed class ModuleAttentionFigureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly string[] Modules = ["sense", "memory", "answer"];

    /// <summary>A trace of 2 steps of 2 sub-steps over three modules, each read a distribution over the modules and the null slot.</summary>
    private static ModuleAttentionTrace Trace(string module, double nullMean) => new(module, 1, 2, 2, Modules,
        [[0.1f, 0.2f, 0.3f, 0.4f], [0.7f, 0.1f, 0.1f, 0.1f], [0f, 0f, 0f, 1f], [0.25f, 0.25f, 0.25f, 0.25f]],
        [0.2, 0.3, 0.5 - nullMean, nullMean]);

    [Fact]
    public void Strip_has_one_cell_per_read_and_slot_and_a_mean_per_slot()
    {
        var traces = new[] { Trace("sense", 0.1), Trace("answer", 0.25) };

        var svg = XDocument.Parse(ModuleAttentionStripSvg.Render(traces, "who reads whom"));

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(traces.Length, texts.Count(t => t == ModuleAttentionTrace.NullSlot));
        Assert.All(Modules, m => Assert.Equal(traces.Length, texts.Count(t => t == m)));
        Assert.Contains("25%", texts);
        var slots = Modules.Length + 1;
        var cells = traces.Sum(t => t.Reads.Count * slots);
        var means = traces.Length * slots;
        var frames = traces.Length * 2;
        Assert.Equal(cells + means + frames, svg.Descendants(Svg + "rect").Count(r => r.Attribute("fill")?.Value != "#fff"));
        Assert.Contains(texts, t => t.StartsWith("answer: attention on each module and on the null slot while reading example 1 (2 steps, 2 sub-steps per step)", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_has_a_row_per_reader_and_a_column_per_module_and_the_null_slot()
    {
        var table = ModuleAttentionTable.ToTable([Trace("sense", 0.1), Trace("answer", 0.25)]);

        Assert.Equal(["reader \\ source", .. Modules, ModuleAttentionTrace.NullSlot], table.Headers);
        Assert.Equal(["sense", "0.20", "0.30", "0.40", "0.10"], table.Rows[0]);
        Assert.Equal(["answer", "0.20", "0.30", "0.25", "0.25"], table.Rows[1]);
    }

    [Fact]
    public void Table_refuses_no_traces_and_traces_over_different_modules()
    {
        Assert.Throws<ArgumentException>(() => ModuleAttentionTable.ToTable([]));
        var other = Trace("answer", 0.2) with { Sources = ["a", "b", "c"] };
        Assert.Contains("different modules", Assert.Throws<ArgumentException>(() => ModuleAttentionTable.ToTable([Trace("sense", 0.1), other])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_reads_by_step_and_sub_step()
    {
        var trace = Trace("memory", 0.3);

        Assert.Equal([0f, 0f, 0f, 1f], trace.At(1, 0).ToArray());
        Assert.Equal(0.3, trace.NullMean);
    }
}
