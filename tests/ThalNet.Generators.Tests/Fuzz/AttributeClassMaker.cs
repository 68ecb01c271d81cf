namespace ThalNet.Generators.Tests.Fuzz;

/// <summary>
/// Writes attributed model classes the way a user might: a valid two- or three-module model whose class also holds
/// members of its own (named like generated members, base-class members, module properties or harmless names),
/// constructors, a base type, a second partial part, or is nested or generic. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class AttributeClassMaker(Random random)
{
    /// <summary>Names a user member may take: generated ones, base-class ones, module-derived ones, and free ones.</summary>
    private static readonly string[] MemberNames =
    [
        .. GeneratedMemberNames.ModelClass, .. GeneratedMemberNames.NestedClasses, .. GeneratedMemberNames.BaseClassMembers,
        "Vision", "VisionModule", "_vision", "Memory", "MemoryModule", "Decision", "DecisionModule", "_decision",
        "Helper", "Count", "Notes", "Describe", "Tensor", "Module", "Read", "Ff", "Gru", "Values", "Zeros", "Run2",
    ];

    private static readonly string[] Bases = ["", " : object", " : System.Object", " : ThalNet.Runtime.Models.ThalNetModel", " : System.Exception", " : System.IDisposable", " : ThalNet.Runtime.Nn.Module"];

    private static readonly string[] Constructors =
    [
        "public Net() { }", "public Net(ThalNet.Runtime.RandomSource random) { }", "public Net(int size) : this() { }",
        "static Net() { }", "private Net(string name) { }",
    ];

    /// <summary>A C# file with one attributed class.</summary>
    public string Make()
    {
        var members = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Member(Pick(MemberNames))).ToList();
        if (random.Next(4) == 0)
        {
            members.Add(Pick(Constructors));
        }

        var typeParameters = random.Next(12) == 0 ? "<T>" : "";
        var baseType = random.Next(3) == 0 ? Pick(Bases) : "";
        var secondPart = random.Next(3) == 0 && members.Count > 0;
        var body = secondPart ? members.Take(members.Count / 2).ToList() : members;
        var rest = secondPart ? members.Skip(members.Count / 2).ToList() : [];
        var nested = random.Next(12) == 0;
        var lines = new List<string>
        {
            "#nullable enable",
            "using ThalNet;",
            "namespace App;",
            "",
        };
        if (nested)
        {
            lines.Add("public partial class Outer");
            lines.Add("{");
        }

        lines.Add("[ThalNetModel]");
        lines.Add("""[ThalNetInput("image", 4)]""");
        lines.Add("""[ThalNetModule("vision", Role = "input", Inputs = new[] { "image" })]""");
        if (random.Next(2) == 0)
        {
            lines.Add("""[ThalNetModule("memory", Role = "side")]""");
        }

        lines.Add("""[ThalNetModule("decision", Role = "output")]""");
        lines.Add("""[ThalNetOutput("decision", "digit", 10)]""");
        lines.Add($"public partial class Net{typeParameters}{baseType}");
        lines.Add("{");
        lines.AddRange(body.Select(m => "    " + m));
        lines.Add("}");
        if (rest.Count > 0)
        {
            lines.Add($"public partial class Net{typeParameters}");
            lines.Add("{");
            lines.AddRange(rest.Select(m => "    " + m));
            lines.Add("}");
        }

        if (nested)
        {
            lines.Add("}");
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>A public member (no warning of its own when unused) of a random kind.</summary>
    private string Member(string name) => random.Next(6) switch
    {
        0 => $"public int {name};",
        1 => $"public int {name} {{ get; set; }}",
        2 => $"public void {name}() {{ }}",
        3 => $"public static string {name}(int x) => x.ToString(System.Globalization.CultureInfo.InvariantCulture);",
        4 => $"public sealed class {name} {{ }}",
        _ => $"public const int {name} = 1;",
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
