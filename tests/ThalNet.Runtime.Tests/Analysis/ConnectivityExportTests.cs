using ThalNet.Runtime.Models;
using System.Text.Json;
using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

public class ConnectivityExportTests
{
    private static ConnectivityGraph Graph() =>
        ConnectivityGraph.FromMatrix(ConnectivityMatrix.FromReadingWeights(Planted.Layout, Planted.Weights()));

    [Fact]
    public void Dot_contains_the_planted_edges_and_not_the_absent_ones()
    {
        var dot = ConnectivityExport.ToDot(Graph());

        Assert.StartsWith("digraph ", dot);
        Assert.Contains("\"m0\" -> \"m3\" [label=", dot);
        Assert.Contains("\"m2\" -> \"m3\" [label=", dot);
        Assert.DoesNotContain("\"m1\" -> \"m3\"", dot);
        Assert.Contains("\"input:pixels\" -> \"m0\" [style=dashed", dot);
        Assert.Contains("\"m3\" -> \"output:digit\" [style=dashed", dot);
        Assert.Contains("{ rank=source; \"input:pixels\"; }", dot);
    }

    [Fact]
    public void Mermaid_contains_the_planted_edges_and_not_the_absent_ones()
    {
        var graph = Graph();
        var mermaid = ConnectivityExport.ToMermaid(graph);
        var strength = graph.Matrix.Strength("m3", "m0").ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

        Assert.StartsWith("flowchart LR\n", mermaid);
        Assert.Contains("  n0((\"m0\")):::input\n", mermaid);
        Assert.Contains("  n4([\"pixels\"]):::task-input\n", mermaid);
        Assert.Contains($"  n0 -->|{strength}| n3\n", mermaid);
        Assert.Matches(@"  n2 -->\|[0-9.]+\| n3\n", mermaid);
        Assert.DoesNotMatch(@"n1 -->\|[0-9.]+\| n3\n", mermaid);
        Assert.Contains("  n4 -.-> n0\n", mermaid);
        Assert.Contains($"  linkStyle {graph.Edges.Count - 1} ", mermaid);
    }

    [Fact]
    public void Dot_quotes_awkward_names()
    {
        var layout = CenterLayout.Sequential([("a\"b\\c", ModuleRole.Side, 1)]);
        var graph = ConnectivityGraph.FromMatrix(ConnectivityMatrix.FromReadingWeights(layout, new Dictionary<string, DenseMatrix> { ["a\"b\\c"] = new(1, 1, [1]) }));

        Assert.Contains("\"a\\\"b\\\\c\" -> \"a\\\"b\\\\c\"", ConnectivityExport.ToDot(graph));
        Assert.Contains("((\"a#quot;b\\c\"))", ConnectivityExport.ToMermaid(graph));
    }

    [Fact]
    public void Json_holds_layout_matrix_threshold_and_edges()
    {
        var graph = Graph();
        using var json = JsonDocument.Parse(ConnectivityExport.ToJson(graph));
        var root = json.RootElement;

        Assert.Equal(0.3125, root.GetProperty("threshold").GetDouble());
        Assert.Equal(4, root.GetProperty("modules").GetArrayLength());
        Assert.Equal("output", root.GetProperty("modules")[3].GetProperty("role").GetString());
        Assert.Equal(0, root.GetProperty("matrix")[3][1].GetDouble());
        var edges = root.GetProperty("edges").EnumerateArray()
            .Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString(), e.GetProperty("kind").GetString()))
            .ToList();
        Assert.Contains(("m0", "m3", "reading"), edges);
        Assert.Contains(("m2", "m3", "reading"), edges);
        Assert.DoesNotContain(("m1", "m3", "reading"), edges);
        Assert.Contains(("input:pixels", "m0", "task-input"), edges);
        Assert.Equal(graph.Edges.Count, edges.Count);
    }

    [Fact]
    public void Svg_parses_as_xml_and_labels_every_node()
    {
        var svg = Planted.Xml(ConnectivitySvg.Render(Graph(), "Planted <graph> & co"));
        var ns = svg.Root!.Name.Namespace;

        Assert.Equal("http://www.w3.org/2000/svg", ns.NamespaceName);
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("Planted <graph> & co", texts);
        Assert.Contains("m0", texts);
        Assert.Contains("pixels", texts);
        Assert.Contains("digit", texts);
        // One arrowhead per edge.
        Assert.Equal(Graph().Edges.Count, svg.Descendants(ns + "polygon").Count());
    }
}
