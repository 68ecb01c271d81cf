using System.Text;
using System.Text.Json;
using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>Writes a <see cref="ConnectivityGraph"/> as JSON, Graphviz DOT or Mermaid.</summary>
public static class ConnectivityExport
{
    /// <summary>
    /// The layout, the full strength matrix (rows = readers, columns = sources, in layout order),
    /// the threshold, and the graph's nodes and edges.
    /// </summary>
    public static string ToJson(ConnectivityGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var layout = graph.Matrix.Layout;
            json.WriteStartObject();
            json.WriteString("measure", "strength(reader, source) = sum of |reading weights of reader| over the source's center slice / sum of all |reading weights of reader|");
            json.WriteNumber("threshold", graph.Threshold);
            json.WriteStartArray("modules");
            foreach (var module in layout.Modules)
            {
                json.WriteStartObject();
                json.WriteString("name", module.Name);
                json.WriteString("role", module.Role.ToString().ToLowerInvariant());
                json.WriteNumber("offset", module.Offset);
                json.WriteNumber("size", module.Size);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("matrix");
            for (var reader = 0; reader < graph.Matrix.ModuleCount; reader++)
            {
                json.WriteStartArray();
                for (var source = 0; source < graph.Matrix.ModuleCount; source++)
                {
                    WriteNumber(json, graph.Matrix[reader, source]);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("nodes");
            foreach (var node in graph.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("id", node.Id);
                json.WriteString("label", node.Label);
                json.WriteString("kind", ConnectivityStyle.Name(node.Kind));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("edges");
            foreach (var edge in graph.Edges)
            {
                json.WriteStartObject();
                json.WriteString("from", edge.From);
                json.WriteString("to", edge.To);
                json.WriteString("kind", ConnectivityStyle.Name(edge.Kind));
                json.WritePropertyName("strength");
                WriteNumber(json, edge.Strength);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>A Graphviz digraph; node ids are the graph's ids, quoted.</summary>
    public static string ToDot(ConnectivityGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var dot = new StringBuilder();
        dot.Append("digraph \"ThalNet connectivity\" {\n");
        dot.Append("  rankdir=LR;\n");
        dot.Append("  node [fontname=\"Helvetica\", fontsize=11];\n");
        dot.Append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var node in graph.Nodes)
        {
            var (fill, stroke) = ConnectivityStyle.Colours(node.Kind);
            var shape = ConnectivityGraph.IsModule(node.Kind) ? "ellipse, style=filled" : "box, style=\"rounded,dashed\"";
            dot.Append($"  {Quote(node.Id)} [label={Quote(node.Label)}, shape={shape}, fillcolor=\"{fill}\", color=\"{stroke}\"];\n");
        }

        AppendRank(dot, graph, ConnectivityNodeKind.TaskInput, "source");
        AppendRank(dot, graph, ConnectivityNodeKind.TaskOutput, "sink");
        foreach (var edge in graph.Edges)
        {
            var style = edge.Kind == ConnectivityEdgeKind.Reading
                ? $"label=\"{Share(edge.Strength)}\", penwidth={Num(ConnectivityStyle.EdgeWidth(edge))}, color=\"{ConnectivityStyle.ReadingEdge}\""
                : $"style=dashed, color=\"{ConnectivityStyle.TaskEdge}\"";
            dot.Append($"  {Quote(edge.From)} -> {Quote(edge.To)} [{style}];\n");
        }

        dot.Append("}\n");
        return dot.ToString();
    }

    /// <summary>A Mermaid flowchart; nodes get the ids n0, n1, ... in the order of <see cref="ConnectivityGraph.Nodes"/>.</summary>
    public static string ToMermaid(ConnectivityGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var ids = graph.Nodes.Select((n, i) => (n.Id, Short: "n" + i)).ToDictionary(p => p.Id, p => p.Short, StringComparer.Ordinal);
        var mermaid = new StringBuilder();
        mermaid.Append("flowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            var label = node.Label.Replace("\"", "#quot;", StringComparison.Ordinal);
            var shape = ConnectivityGraph.IsModule(node.Kind) ? $"((\"{label}\"))" : $"([\"{label}\"])";
            mermaid.Append($"  {ids[node.Id]}{shape}:::{ConnectivityStyle.Name(node.Kind)}\n");
        }

        foreach (var edge in graph.Edges)
        {
            var arrow = edge.Kind == ConnectivityEdgeKind.Reading ? $"-->|{Share(edge.Strength)}|" : "-.->";
            mermaid.Append($"  {ids[edge.From]} {arrow} {ids[edge.To]}\n");
        }

        foreach (var kind in Enum.GetValues<ConnectivityNodeKind>())
        {
            var (fill, stroke) = ConnectivityStyle.Colours(kind);
            mermaid.Append($"  classDef {ConnectivityStyle.Name(kind)} fill:{fill},stroke:{stroke}\n");
        }

        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            var colour = edge.Kind == ConnectivityEdgeKind.Reading ? ConnectivityStyle.ReadingEdge : ConnectivityStyle.TaskEdge;
            mermaid.Append($"  linkStyle {i} stroke-width:{Num(ConnectivityStyle.EdgeWidth(edge))}px,stroke:{colour}\n");
        }

        return mermaid.ToString();
    }

    private static void AppendRank(StringBuilder dot, ConnectivityGraph graph, ConnectivityNodeKind kind, string rank)
    {
        var nodes = graph.Nodes.Where(n => n.Kind == kind).Select(n => Quote(n.Id)).ToList();
        if (nodes.Count > 0)
        {
            dot.Append($"  {{ rank={rank}; {string.Join("; ", nodes)}; }}\n");
        }
    }

    private static string Quote(string id) =>
        "\"" + id.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings("\\n") + "\"";

    // JSON has no NaN; a reader whose weights contain NaN gets null strengths.
    private static void WriteNumber(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
