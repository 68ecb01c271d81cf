using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ThalNet.Specs;

/// <summary>The catalog as the Markdown tables of <c>docs/catalog.md</c> (a test keeps the file equal to this).</summary>
public static class CatalogTable
{
    /// <summary>
    /// The Markdown tables of docs/catalog.md (readers, layers, activations, losses, with each backend's type),
    /// generated from the catalog.
    /// </summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        Table(
            text,
            "Reading mechanisms (C center, K context, F the module's features)",
            ["word", "computes", "reads own features", "null slot", "parameters", "engine", "TorchSharp"],
            Catalog.Readings.Select(e => new[] { e.Word, e.Formula, e.ReadsOwnFeatures ? "yes" : "no", e.HasNullSlot ? "yes" : "no", Parameters(e.Parameters), e.Types.Engine, e.Types.TorchSharp }));
        Table(
            text,
            "Layer kinds (I input, H output)",
            ["word", "computes", "takes an activation", "state", "parameters", "engine", "TorchSharp"],
            Catalog.Layers.Select(e => new[] { e.Word, e.Summary, e.TakesActivation ? "yes" : "no", e.Recurrence.ToString(), Parameters(e.Parameters), e.Types.Engine, e.Types.TorchSharp }));
        Table(
            text,
            "Activations of `ff` layers",
            ["word", "computes", "engine", "TorchSharp"],
            Catalog.Activations.Select(e => new[] { e.Word, e.Formula, e.Types.Engine, e.Types.TorchSharp }));
        Table(
            text,
            "Losses",
            ["word", "computes", "targets", "engine", "TorchSharp"],
            Catalog.Losses.Select(e => new[] { e.Word, e.Formula, e.Targets.ToString(), e.Types.Engine + "." + e.Method, e.Types.TorchSharp + "." + e.Method }));
        Table(
            text,
            "Output heads (F features, S output size)",
            ["parameters", "engine", "TorchSharp"],
            [[Parameters(Catalog.Head.Parameters), Catalog.Head.Types.Engine, Catalog.Head.Types.TorchSharp]]);
        return text.ToString();
    }

    private static string Parameters<TSizes>(IReadOnlyList<CatalogParameter<TSizes>> parameters)
        => string.Join("; ", parameters.Select(p => $"`{p.Name}` {p.ShapeText} {p.InitText}"));

    private static void Table(StringBuilder text, string title, string[] header, IEnumerable<string[]> rows)
    {
        text.Append("## ").Append(title).Append('\n').Append('\n');
        text.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        text.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
        {
            text.Append("| ").Append(string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|")))).Append(" |\n");
        }

        text.Append('\n');
    }
}
