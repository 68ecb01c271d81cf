using System.Runtime.CompilerServices;

namespace ThalNet.Specs.Tests;

/// <summary>
/// The catalog of kinds: one entry per enum value, spec words that round-trip through the word tables and a spec,
/// lookups that fail loudly, and docs/catalog.md generated from it. (That every entry's runtime module has the
/// catalog's parameters is checked by the runtime tests' EngineCatalogTests, and by the TorchSharp tests for theirs.)
/// </summary>
public class KindCatalogTests
{
    [Fact]
    public void Every_kind_has_exactly_one_entry()
    {
        Assert.Equal(Enum.GetValues<ReadingMechanism>(), Catalog.Readings.Select(e => e.Kind).Order());
        Assert.Equal(Enum.GetValues<LayerKind>(), Catalog.Layers.Select(e => e.Kind).Order());
        Assert.Equal(Enum.GetValues<Activation>(), Catalog.Activations.Select(e => e.Kind).Order());
        Assert.Equal(Enum.GetValues<LossKind>(), Catalog.Losses.Select(e => e.Kind).Order());
    }

    [Fact]
    public void Every_spec_word_round_trips_through_its_word_table()
    {
        foreach (var e in Catalog.Readings)
        {
            Assert.Equal(e.Word, SpecWords.Reading.Word(e.Kind));
            Assert.True(SpecWords.Reading.TryParse(e.Word, out var kind) && kind == e.Kind, e.Word);
        }

        foreach (var e in Catalog.Layers)
        {
            Assert.Equal(e.Word, SpecWords.LayerKind.Word(e.Kind));
            Assert.True(SpecWords.LayerKind.TryParse(e.Word, out var kind) && kind == e.Kind, e.Word);
        }

        foreach (var e in Catalog.Activations)
        {
            Assert.Equal(e.Word, SpecWords.Activation.Word(e.Kind));
            Assert.True(SpecWords.Activation.TryParse(e.Word, out var kind) && kind == e.Kind, e.Word);
        }

        foreach (var e in Catalog.Losses)
        {
            Assert.Equal(e.Word, SpecWords.Loss.Word(e.Kind));
            Assert.True(SpecWords.Loss.TryParse(e.Word, out var kind) && kind == e.Kind, e.Word);
        }
    }

    /// <summary>Each word written in a spec compiles to its kind and to the catalog's parameters for that kind.</summary>
    [Theory]
    [MemberData(nameof(Combinations))]
    public void Every_spec_word_compiles_to_its_kind_and_parameters(string reading, string layer, string loss)
    {
        var yaml = $"""
            model: M
            inputs:
              x: 3
            modules:
              a: {'{'} role: input, inputs: [x], reading: {reading}, context: 4, layers: ["{layer}"] {'}'}
              b:
                role: output
                layers: [ff 5]
                outputs:
                  y: {'{'} size: 2, loss: {loss} {'}'}
            """;

        var result = SpecCompiler.FromYaml("m.thalnet.yaml", yaml);

        Assert.Empty(result.Diagnostics);
        var a = result.Layout!.Modules[0];
        Assert.Equal(reading, Catalog.Reading(a.Reading).Word);
        Assert.Equal(layer, Descriptions(a.Layers[0]));
        Assert.Equal(loss, Catalog.Loss(result.Layout.Modules[1].Outputs[0].Loss).Word);
        var readerEntry = Catalog.Reading(a.Reading);
        var layerEntry = Catalog.Layer(a.Layers[0].Kind);
        var sizes = new ReaderSizes(result.Layout.CenterSize, 4, a.FeatureSize);
        var expected = readerEntry.Parameters.Select(p => ("a.read." + p.Name, p.Shape(sizes)))
            .Concat(layerEntry.Parameters.Select(p => ($"a.{layerEntry.Word}." + p.Name, p.Shape(new LayerSizes(7, 6)))));
        Assert.Equal(
            expected.Select(p => $"{p.Item1} [{string.Join(", ", p.Item2)}]"),
            result.Layout.Parameters.Take(readerEntry.Parameters.Count + layerEntry.Parameters.Count).Select(p => $"{p.Name} {p.Shape}"));
    }

    public static TheoryData<string, string, string> Combinations()
    {
        var data = new TheoryData<string, string, string>();
        var layers = Catalog.Layers.SelectMany(l => l.TakesActivation ? Catalog.Activations.Select(a => $"{l.Word} 6 {a.Word}") : [$"{l.Word} 6"]).ToList();
        for (var i = 0; i < Math.Max(layers.Count, Catalog.Readings.Count); i++)
        {
            data.Add(Catalog.Readings[i % Catalog.Readings.Count].Word, layers[i % layers.Count], Catalog.Losses[i % Catalog.Losses.Count].Word);
        }

        return data;
    }

    [Fact]
    public void A_kind_without_an_entry_is_an_error_that_names_the_catalog()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Catalog.Layer((LayerKind)99));

        Assert.Equal("The catalog has no layer kind '99': add its entry in ThalNet.Specs/Catalog (see docs/extending.md).", error.Message);
        Assert.Throws<InvalidOperationException>(() => Catalog.Reading((ReadingMechanism)99));
        Assert.Throws<InvalidOperationException>(() => Catalog.Activation((Activation)99));
        Assert.Throws<InvalidOperationException>(() => Catalog.Loss((LossKind)99));
    }

    [Fact]
    public void Every_entry_names_an_implementation_on_every_backend()
    {
        var types = Catalog.Readings.Select(e => e.Types).Concat(Catalog.Layers.Select(e => e.Types))
            .Concat(Catalog.Activations.Select(e => e.Types)).Concat(Catalog.Losses.Select(e => e.Types)).Append(Catalog.Head.Types);
        foreach (var backend in BackendTypes.All)
        {
            Assert.All(types, t => Assert.Matches(@"^global::ThalNet\.[A-Za-z.]+$", t.For(backend)));
        }

        Assert.Equal(Enum.GetValues<Backend>(), BackendTypes.All);
    }

    [Fact]
    public void Every_fan_in_letter_names_the_size_the_initialisation_uses()
    {
        // Distinct sizes, so each letter stands for exactly one value.
        var reader = new ReaderSizes(Center: 11, Context: 13, Features: 17);
        var layer = new LayerSizes(Input: 19, Output: 23);
        var head = new HeadSizes(Features: 29, Output: 31);
        var readerLetters = new Dictionary<string, long> { ["C"] = 11, ["K"] = 13, ["F"] = 17 };
        var layerLetters = new Dictionary<string, long> { ["I"] = 19, ["H"] = 23 };
        var headLetters = new Dictionary<string, long> { ["F"] = 29, ["S"] = 31 };

        foreach (var entry in Catalog.Readings)
        {
            AssertFanIns(entry.Parameters, reader, readerLetters, entry.Kind.ToString());
        }

        foreach (var entry in Catalog.Layers)
        {
            AssertFanIns(entry.Parameters, layer, layerLetters, entry.Kind.ToString());
        }

        AssertFanIns(Catalog.Head.Parameters, head, headLetters, "head");
    }

    private static void AssertFanIns<TSizes>(IEnumerable<CatalogParameter<TSizes>> parameters, TSizes sizes, Dictionary<string, long> letters, string entry)
    {
        foreach (var p in parameters.Where(p => p.Init == InitKind.UniformFanIn))
        {
            Assert.True(letters.TryGetValue(p.FanInText!, out var expected), $"{entry}.{p.Name}: fan-in letter '{p.FanInText}' is none of {string.Join(", ", letters.Keys)}");
            Assert.Equal(expected, p.FanIn!(sizes));
            Assert.Equal($"U(±1/√{p.FanInText})", p.InitText);
        }
    }

    [Fact]
    public void Docs_catalog_md_is_generated_from_the_catalog()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "catalog.md");
        const string Marker = "<!-- generated from ThalNet.Specs.CatalogTable; THALNET_ACCEPT_SNAPSHOTS=1 rewrites what follows -->\n\n";
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var head = text[..(text.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)];
        if (Environment.GetEnvironmentVariable("THALNET_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, head + CatalogTable.Markdown());
        }

        Assert.Equal(head + CatalogTable.Markdown(), File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Diagnostics_md_lists_every_word_under_its_diagnostic()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Diagnostics.md"));
        string Row(string id) => rows.Single(l => l.StartsWith(id, StringComparison.Ordinal));

        Assert.All(Catalog.Readings, e => Assert.Contains($"`{e.Word}`", Row("THAL0014"), StringComparison.Ordinal));
        Assert.All(Catalog.Layers, e => Assert.Contains($"`{e.Word} N", Row("THAL0015"), StringComparison.Ordinal));
        Assert.All(Catalog.Activations, e => Assert.Contains($"`{e.Word}`", Row("THAL0016"), StringComparison.Ordinal));
        Assert.All(Catalog.Losses, e => Assert.Contains($"`{e.Word}`", Row("THAL0022"), StringComparison.Ordinal));
    }

    private static string Descriptions(LayerLayout layer)
        => Catalog.Layer(layer.Kind).TakesActivation ? $"{SpecWords.LayerKind.Word(layer.Kind)} {layer.OutputSize} {SpecWords.Activation.Word(layer.Activation)}" : $"{SpecWords.LayerKind.Word(layer.Kind)} {layer.OutputSize}";

    private static string RepositoryRoot([CallerFilePath] string file = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
