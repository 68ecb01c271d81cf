using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNetNode = YamlDotNet.RepresentationModel.YamlNode;

namespace ThalNet.Specs.Tests.Schema;

/// <summary>
/// Runs <c>schemas/thalnet.schema.json</c> over YAML text as an editor's YAML language server does: the YAML turned
/// into JSON under the YAML 1.2 core schema (plain <c>4</c> a number, quoted <c>'4'</c> a string), then evaluated by
/// JsonSchema.Net. Linked into the generator tests too.
/// </summary>
internal static partial class SchemaCheck
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    /// <summary>
    /// The diagnostics for mistakes the schema expresses: an unknown or misspelt key, a missing required key, a word
    /// outside the catalog's words, a value of the wrong type, a number out of range, a layer string that is not
    /// '&lt;kind&gt; &lt;size|auto&gt; [activation]', a name that is not a name, 'inputs'/'outputs' on the wrong role, both
    /// 'size' and 'tokens', an empty list. A spec refused for one of these fails the schema too.
    /// </summary>
    public static readonly IReadOnlySet<string> Expressed = new HashSet<string>(
        ["THAL0002", "THAL0003", "THAL0005", "THAL0009", "THAL0013", "THAL0014", "THAL0015", "THAL0016", "THAL0017", "THAL0018", "THAL0020", "THAL0021", "THAL0022", "THAL0023", "THAL0024", "THAL0025", "THAL0027"]);

    /// <summary>
    /// The diagnostics the schema cannot express and leaves to the generator: name collisions after the C# conversion
    /// and reserved names (THAL0006), the center sum (THAL0007), at least one input and one output module (THAL0008,
    /// THAL0012), unread inputs (THAL0010), references to undeclared inputs (THAL0011), the parameter budget and
    /// 'auto' sizes (THAL0019, THAL0036, THAL0037), 32-bit parameter sizes (THAL0028), output names that clash with
    /// parameter names (THAL0029), 'active' above the module count less one (THAL0039) or with a reader that has no
    /// null slot (THAL0040). A spec whose only mistake is one of
    /// these passes the schema.
    /// </summary>
    public static readonly IReadOnlySet<string> LeftToCompiler = new HashSet<string>(
        ["THAL0006", "THAL0007", "THAL0008", "THAL0010", "THAL0011", "THAL0012", "THAL0019", "THAL0028", "THAL0029", "THAL0036", "THAL0037", "THAL0039", "THAL0040"]);

    /// <summary>Whether the schema's verdict on a spec the generator reports <paramref name="id"/> for is pinned (not YAML syntax, THAL0001, nor a duplicate, THAL0004, which is partly the YAML parser's).</summary>
    public static bool Pinned(string id) => Expressed.Contains(id) || LeftToCompiler.Contains(id);

    /// <summary>Asserts that the schema refuses a spec with an expressed mistake and passes one whose mistake it leaves to the generator.</summary>
    public static void AssertAgrees(string id, string yaml)
    {
        var errors = Errors(yaml);
        if (Expressed.Contains(id))
        {
            Assert.True(errors.Count > 0, $"The generator refuses this spec with {id}, but the schema passes it:\n{yaml}");
        }
        else
        {
            Assert.True(LeftToCompiler.Contains(id), $"{id} is in neither SchemaCheck.Expressed nor SchemaCheck.LeftToCompiler");
            Assert.True(errors.Count == 0, $"{id} is left to the generator, but the schema refuses this spec:\n{yaml}\n{string.Join("\n", errors)}");
        }
    }

    /// <summary>The committed schema file.</summary>
    public static string SchemaPath => Path.Combine(RepositoryRoot, "schemas", SpecSchema.FileName);

    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ThalNet.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No ThalNet.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The schema's errors for <paramref name="yaml"/> as <c>location: message</c> lines; empty when it passes.</summary>
    public static IReadOnlyList<string> Errors(string yaml)
    {
        var result = Schema.Value.Evaluate(System.Text.Json.JsonDocument.Parse(ToJson(yaml)?.ToJsonString() ?? "null").RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
                .Append("(invalid)")
                .ToList();
    }

    /// <summary>The YAML document as JSON, or null for an empty document.</summary>
    public static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Node(stream.Documents[0].RootNode);
    }

    private static JsonNode? Node(YamlDotNetNode node) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(child => Node(child)).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"No JSON form for {node.NodeType}."),
    };

    private static JsonObject Mapping(YamlMappingNode mapping)
    {
        var json = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            // A key written twice is the YAML parser's finding, not the schema's: the first is kept, like the generator.
            json.TryAdd(((YamlScalarNode)key).Value ?? "", Node(value));
        }

        return json;
    }

    /// <summary>YAML 1.2 core schema: null, booleans, integers and floats are plain scalars of those forms; .inf and .nan, which JSON cannot hold, stay strings.</summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when IntegerForm().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when FloatForm().IsMatch(text) => JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerForm();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatForm();
}
