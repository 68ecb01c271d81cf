using System.Text;

namespace ThalNet.Specs.Tests.Schema;

/// <summary>Specs for the schema tests, built from the catalog so that a new word is in them without an edit here.</summary>
internal static class SchemaSpecs
{
    /// <summary>A valid spec whose input module has the one layer <paramref name="layer"/>.</summary>
    public static string WithLayer(string layer) => $"""
        model: M
        budget: 100000
        inputs:
          x: 3
        modules:
          a: {'{'} role: input, inputs: [x], layers: ["{layer}"] {'}'}
          b:
            role: output
            layers: [ff 5]
            outputs:
              y: {'{'} size: 2 {'}'}
        """;

    /// <summary>
    /// A correct spec using every key and every word: each reading mechanism, layer kind (with and without its
    /// activations, numbered and <c>auto</c>), activation, role, loss and timing, dense and token inputs.
    /// </summary>
    public static string EveryKind()
    {
        var layers = Catalog.Layers.SelectMany(l => l.TakesActivation ? Catalog.Activations.Select(a => $"{l.Word} 4 {a.Word}") : [$"{l.Word} auto"]).ToList();
        var text = new StringBuilder("""
            # yaml-language-server: $schema=thalnet.schema.json
            model: EveryKind
            namespace: Schema.Tests
            substeps: 2
            budget: 10000000
            inputs:
              x: 3
              t: { tokens: 5 }
              z: { size: 2 }
            defaults:
              reading: linear
              context: 6
              layers: [gru 4]
            modules:
              in:
                role: input
                inputs: [x, t, z]

            """);
        for (var i = 0; i < Catalog.Readings.Count; i++)
        {
            text.Append($"  side{i}:\n    role: side\n    reading: {Catalog.Readings[i].Word}\n    context: 3\n");
            text.Append($"    layers: [{string.Join(", ", layers.Skip(i).Concat(layers.Take(i)))}]\n");
        }

        text.Append("  out:\n    role: output\n    outputs:\n");
        foreach (var loss in Catalog.Losses)
        {
            foreach (var at in SpecWords.At.Words)
            {
                text.Append($"      {loss.Word}-{at}: {{ size: 2, loss: {loss.Word}, at: {at}, weight: 0.5 }}\n");
            }
        }

        return text.ToString();
    }
}
