using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ThalNet.Specs;

/// <summary>
/// The JSON Schema (draft 2020-12) of YAML specs, built from <see cref="SpecKeys"/>, <see cref="SpecWords"/> and the
/// <see cref="Catalog"/>, for editors: completion of keys and words, hover descriptions, and a squiggle under a key,
/// word or value of the wrong type before the build. <c>schemas/thalnet.schema.json</c> is this text (a test keeps
/// them equal). What the schema leaves to the generator is in <c>docs/editor.md</c>.
/// </summary>
public static class SpecSchema
{
    /// <summary>The file name the schema is committed and packed under.</summary>
    public const string FileName = "thalnet.schema.json";

    private const string NamePattern = "^[A-Za-z][A-Za-z0-9_-]*$";

    /// <summary>The weight is used as a float: every double below this rounds to a finite one (float.MaxValue plus half its last step, 2^128 - 2^103).</summary>
    private static readonly double FirstDoubleThatRoundsToFloatInfinity = float.MaxValue + Math.Pow(2, 103);

    /// <summary>A layer size as the parser reads it: an integer from 1 to <see cref="int.MaxValue"/>, or <c>auto</c>.</summary>
    private static readonly string SizePattern = $"(?:\\+?0*{PositiveUpTo(int.MaxValue)}|{SpecWords.AutoSize})";

    /// <summary>A C# identifier of at most <see cref="CSharpNames.MaxNameLength"/> characters that is no keyword.</summary>
    private static readonly string IdentifierPattern =
        $"(?!{Alternatives(CSharpKeywords.Reserved.Concat(CSharpKeywords.Contextual).OrderBy(k => k, System.StringComparer.Ordinal))}(?![A-Za-z0-9_]))[A-Za-z_][A-Za-z0-9_]{{0,{CSharpNames.MaxNameLength - 1}}}";

    /// <summary>The schema as indented JSON text with <c>\n</c> line ends.</summary>
    public static string Json() => JsonWriter.Write(Root());

    /// <summary>
    /// The regular expression (ECMA-262 and .NET alike) a layer string matches: a catalog layer word, a size of at
    /// least 1 or <c>auto</c>, and for the layers that take one an optional activation word.
    /// </summary>
    public static string LayerPattern()
    {
        var withActivation = Alternatives(Catalog.Layers.Where(e => e.TakesActivation).Select(e => e.Word));
        var without = Alternatives(Catalog.Layers.Where(e => !e.TakesActivation).Select(e => e.Word));
        var activations = Alternatives(Catalog.Activations.Select(e => e.Word));
        var forms = new List<string>();
        if (withActivation is not null)
        {
            forms.Add($"{withActivation}\\s+{SizePattern}(?:\\s+{activations})?");
        }

        if (without is not null)
        {
            forms.Add($"{without}\\s+{SizePattern}");
        }

        return $"^\\s*(?:{string.Join("|", forms)})\\s*$";
    }

    private static JsonMap Root()
    {
        var root = new JsonMap()
            .Add("$schema", "https://json-schema.org/draft/2020-12/schema")
            .Add("title", "ThalNet spec")
            .Add("description", "A ThalNet model spec (*.thalnet.yaml), read by the ThalNet.Generators source generator. Reference: docs/spec-reference.md.");
        foreach (var member in Mapping(SpecKeys.Model).Members)
        {
            root.Add(member.Key, member.Value);
        }

        return root.Add("$defs", Definitions());
    }

    private static JsonMap Definitions() => new JsonMap()
        .Add("name", new JsonMap()
            .Add("type", "string")
            .Add("pattern", NamePattern)
            .Add("maxLength", CSharpNames.MaxNameLength))
        .Add("layer", new JsonMap()
            .Add("type", "string")
            .Add("description", "A layer: " + string.Join("; ", Catalog.Layers.Select(e => $"'{e.Word} N{(e.TakesActivation ? " [activation]" : "")}' {e.Summary}"))
                + $". N is a size of at least 1 or '{SpecWords.AutoSize}'. Activations: " + string.Join(", ", Catalog.Activations.Select(e => $"{e.Word} ({e.Formula})"))
                + $"; {SpecWords.Activation.Word(SpecDefaults.FeedForwardActivation)} when omitted.")
            .Add("pattern", LayerPattern())
            .Add("examples", Catalog.Layers.SelectMany(e => e.TakesActivation ? Catalog.Activations.Select(a => $"{e.Word} 32 {a.Word}") : [$"{e.Word} 32"]).Cast<object>().ToList()))
        .Add("input", new JsonMap()
            .Add("oneOf", new object[]
            {
                Count().Add("description", SpecKeys.Input.First().Description),
                Mapping(SpecKeys.Input).Add("oneOf", SpecKeys.Input.Select(k => (object)new JsonMap().Add("required", new object[] { k.Name })).ToList()),
            }))
        .Add("defaults", Mapping(SpecKeys.Defaults).Set("type", new object[] { "object", "null" }))
        .Add("module", Mapping(SpecKeys.Module).Add("allOf", RoleRules()))
        .Add("output", Mapping(SpecKeys.Output));

    /// <summary>A key that only modules of one role take: required on them, refused on the others.</summary>
    private static List<object>? RoleRules()
    {
        var rules = SpecKeys.Module.Where(k => k.OnlyFor is not null).Select(k => (object)new JsonMap()
            .Add("if", new JsonMap()
                .Add("properties", new JsonMap().Add("role", new JsonMap().Add("const", SpecWords.Role.Word(k.OnlyFor!.Value))))
                .Add("required", new object[] { "role" }))
            .Add("then", new JsonMap().Add("required", new object[] { k.Name }))
            .Add("else", new JsonMap().Add("not", new JsonMap().Add("required", new object[] { k.Name }))))
            .ToList();
        return rules.Count == 0 ? null : rules;
    }

    private static JsonMap Mapping(IReadOnlyList<SpecKey> keys)
    {
        var properties = new JsonMap();
        foreach (var key in keys)
        {
            properties.Add(key.Name, Property(key));
        }

        var required = SpecKeys.RequiredNames(keys);
        return new JsonMap()
            .Add("type", "object")
            .Add("properties", properties)
            .Add("required", required.Length == 0 ? null : required.Cast<object>().ToList())
            .Add("additionalProperties", false);
    }

    private static JsonMap Property(SpecKey key)
    {
        var schema = new JsonMap().Add("description", key.Description);
        if (key.Default is { } value)
        {
            schema.Add("default", new JsonRaw(value));
        }

        foreach (var member in Value(key.Value).Members)
        {
            schema.Add(member.Key, member.Value);
        }

        return schema;
    }

    private static JsonMap Value(SpecValue value) => value switch
    {
        SpecValue.Identifier => new JsonMap().Add("type", "string").Add("pattern", $"^(?![a-z]+$){IdentifierPattern}$"),
        SpecValue.Namespace => new JsonMap()
            .Add("type", "string")
            .Add("pattern", $"^{IdentifierPattern}(?:\\.{IdentifierPattern})*$")
            .Add("maxLength", CSharpNames.MaxNamespaceLength),
        SpecValue.Count => Count(),
        SpecValue.LongCount => new JsonMap().Add("type", "integer").Add("minimum", 1).Add("maximum", long.MaxValue),
        SpecValue.Weight => new JsonMap().Add("type", "number").Add("minimum", 0).Add("exclusiveMaximum", FirstDoubleThatRoundsToFloatInfinity),
        SpecValue.Reading => Words(Catalog.Readings.Select(e => (e.Word, $"{e.Adjective}: {e.Formula}"))),
        SpecValue.Role => Words(SpecWords.Role.Words.Select(w => (w, RoleDescription(w)))),
        SpecValue.Loss => Words(Catalog.Losses.Select(e => (e.Word, $"{e.Formula}; targets: {e.Targets}"))),
        SpecValue.At => Words(SpecWords.At.Words.Select(w => (w, w == SpecWords.At.Word(OutputTiming.Last) ? "one target per sequence, after the last step" : "one target per step"))),
        SpecValue.Layers => new JsonMap().Add("type", "array").Add("items", Ref("layer")).Add("minItems", 1),
        SpecValue.InputNames => new JsonMap().Add("type", "array").Add("items", Ref("name")).Add("minItems", 1).Add("uniqueItems", true),
        SpecValue.Inputs => NamedItems("input", minimum: 0),
        SpecValue.Defaults => Ref("defaults"),
        SpecValue.Modules => NamedItems("module", minimum: 1),
        SpecValue.Outputs => NamedItems("output", minimum: 1),
        _ => throw new System.InvalidOperationException($"No schema for spec value '{value}': add its arm in SpecSchema.Value."),
    };

    private static string RoleDescription(string word) => SpecWords.Role.TryParse(word, out var role)
        ? role switch
        {
            ModuleRole.Input => "reads task inputs (list them in 'inputs')",
            ModuleRole.Output => "has output heads (declare them in 'outputs')",
            _ => "reads only the center",
        }
        : word;

    private static JsonMap Count() => new JsonMap().Add("type", "integer").Add("minimum", 1).Add("maximum", int.MaxValue);

    private static JsonMap NamedItems(string item, int minimum) => new JsonMap()
        .Add("type", "object")
        .Add("propertyNames", Ref("name"))
        .Add("additionalProperties", Ref(item))
        .Add("minProperties", minimum == 0 ? null : minimum);

    private static JsonMap Ref(string definition) => new JsonMap().Add("$ref", "#/$defs/" + definition);

    /// <summary>An enum of words, with descriptions that editors show beside each completion.</summary>
    private static JsonMap Words(IEnumerable<(string Word, string Description)> words)
    {
        var list = words.ToList();
        return new JsonMap()
            .Add("type", "string")
            .Add("enum", list.Select(w => (object)w.Word).ToList())
            .Add("enumDescriptions", list.Select(w => (object)w.Description).ToList());
    }

    /// <summary>A regular expression for the integers 1 to <paramref name="max"/>, written without leading zeros.</summary>
    private static string PositiveUpTo(int max)
    {
        var digits = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var forms = new List<string>();
        if (digits.Length > 1)
        {
            forms.Add($"[1-9][0-9]{{0,{digits.Length - 2}}}");
        }

        for (var i = 0; i < digits.Length; i++)
        {
            var lowest = i == 0 ? '1' : '0';
            if (digits[i] > lowest)
            {
                var rest = digits.Length - i - 1;
                forms.Add(digits.Substring(0, i) + $"[{lowest}-{(char)(digits[i] - 1)}]" + (rest > 0 ? $"[0-9]{{{rest}}}" : ""));
            }
        }

        forms.Add(digits);
        return "(?:" + string.Join("|", forms) + ")";
    }

    private static string? Alternatives(IEnumerable<string> words)
    {
        var escaped = words.Select(Escape).ToList();
        return escaped.Count == 0 ? null : "(?:" + string.Join("|", escaped) + ")";
    }

    /// <summary>Escapes regular-expression syntax characters only, which both .NET and ECMA-262 unicode mode accept.</summary>
    private static string Escape(string word)
    {
        var text = new StringBuilder();
        foreach (var c in word)
        {
            text.Append("\\^$.|?*+()[]{}/".IndexOf(c) >= 0 ? "\\" + c : c.ToString());
        }

        return text.ToString();
    }
}
