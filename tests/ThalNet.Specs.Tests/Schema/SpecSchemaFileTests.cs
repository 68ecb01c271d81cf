namespace ThalNet.Specs.Tests.Schema;

/// <summary><c>schemas/thalnet.schema.json</c> is <see cref="SpecSchema"/>'s text, and that text is the catalog's and the key table's.</summary>
public sealed class SpecSchemaFileTests
{
    [Fact]
    public void The_committed_schema_is_generated_from_the_catalog_and_the_keys()
    {
        var expected = SpecSchema.Json();
        if (Environment.GetEnvironmentVariable("THALNET_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(SchemaCheck.SchemaPath, expected);
        }

        var committed = File.Exists(SchemaCheck.SchemaPath) ? File.ReadAllText(SchemaCheck.SchemaPath).ReplaceLineEndings("\n") : "";
        Assert.True(
            committed == expected,
            "schemas/thalnet.schema.json differs from SpecSchema.Json() (a catalog word or spec key changed). Regenerate it: "
            + "THALNET_ACCEPT_SNAPSHOTS=1 dotnet test tests/ThalNet.Specs.Tests --filter FullyQualifiedName~SpecSchemaFileTests, then review the diff.");
    }

    [Fact]
    public void Every_catalog_word_is_in_the_schema()
    {
        var schema = SpecSchema.Json();
        var words = SpecWords.Reading.Words.Concat(SpecWords.Role.Words).Concat(SpecWords.Loss.Words).Concat(SpecWords.At.Words);

        Assert.All(words, word => Assert.Contains($"\"{word}\"", schema, StringComparison.Ordinal));
        Assert.All(SpecWords.LayerKind.Words.Concat(SpecWords.Activation.Words).Append(SpecWords.AutoSize), word => Assert.Contains(word, SpecSchema.LayerPattern(), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_key_the_reader_accepts_is_described_with_its_default()
    {
        var keys = SpecKeys.Model.Concat(SpecKeys.Input).Concat(SpecKeys.Defaults).Concat(SpecKeys.Module).Concat(SpecKeys.Output).ToList();
        var schema = System.Text.Json.Nodes.JsonNode.Parse(SpecSchema.Json())!;

        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(key.Description), key.Name));
        Assert.Equal("weight-norm", (string?)schema["$defs"]!["defaults"]!["properties"]!["reading"]!["default"]);
        Assert.Equal(["ff 32 relu", "gru 32"], schema["$defs"]!["defaults"]!["properties"]!["layers"]!["default"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(1.0, (double)schema["$defs"]!["output"]!["properties"]!["weight"]!["default"]!);
    }

    [Theory]
    [InlineData("ff 32 relu", true)]
    [InlineData("  gru   auto ", true)]
    [InlineData("lstm 7", true)]
    [InlineData("ff auto", true)]
    [InlineData("ff 32 relux", false)]
    [InlineData("gru 32 relu", false)]
    [InlineData("gru16", false)]
    [InlineData("fff 32", false)]
    [InlineData("gru 0", false)]
    [InlineData("gru -3", false)]
    [InlineData("ff", false)]
    [InlineData("gru Auto", false)]
    [InlineData("gru 2147483647", true)]
    [InlineData("ff +007 tanh", true)]
    [InlineData("gru 2147483648", false)]
    [InlineData("gru 99999999999", false)]
    public void A_layer_string_matches_the_pattern_exactly_when_the_parser_accepts_it(string layer, bool valid)
    {
        var matches = System.Text.RegularExpressions.Regex.IsMatch(layer, SpecSchema.LayerPattern());
        var compiled = SpecCompiler.FromYaml("m.thalnet.yaml", SchemaSpecs.WithLayer(layer));

        Assert.Equal(valid, matches);
        Assert.Equal(valid, !compiled.Diagnostics.Any(d => d.Severity == SpecSeverity.Error && d.Id is "THAL0015" or "THAL0016" or "THAL0017"));
    }
}
