using ThalNet.Generators.Tests.Infrastructure;
using static ThalNet.Generators.Tests.Infrastructure.TestSpecs;

namespace ThalNet.Generators.Tests;

/// <summary>
/// Every diagnostic the generator can report, through the generator: id, severity, file, line and column, and
/// message, as <c>ID severity file(l,c): message</c>; no code for a spec with an error.
/// </summary>
public class DiagnosticTests
{
    private const string File = "Spec.thalnet.yaml";

    public static TheoryData<string, string> YamlCases => new()
    {
        { "THAL0001 error Spec.thalnet.yaml(3,1): Invalid YAML: While parsing a flow mapping, did not find expected ',' or '}'.", Yaml("model: M", "inputs: {x: 4") },
        { "THAL0002 error Spec.thalnet.yaml(8,5): Unknown key 'readng' in module 'a'. Did you mean 'reading'?", Valid(7, "    inputs: [x]", "    readng: linear") },
        { "THAL0001 error Spec.thalnet.yaml(16,1): Invalid YAML: a tab indents line 16; YAML indents with spaces only", Valid(11, "      y: { size: 2 }", "  c:", "    role: side", "  d:", "    role: side", "\t  e: { role: side }") },
        { "THAL0002 error Spec.thalnet.yaml(10,5): Unknown key 'outptus' in module 'b'. Did you mean 'outputs'?", Valid(10, "    outptus:") },
        { "THAL0015 error Spec.thalnet.yaml(8,14): Invalid layer 'gru16': unknown kind 'gru16'. Did you mean 'gru 16'?", Valid(7, "    inputs: [x]", "    layers: [gru16]") },
        { "THAL0003 error Spec.thalnet.yaml(11,7): Missing required key 'size' in output 'y'", Valid(11, "      y: { loss: cross-entropy }") },
        { "THAL0004 error Spec.thalnet.yaml(12,3): Duplicate module 'a' in the spec; the first is at line 5, column 3", Valid(11, "      y: { size: 2 }", "  a:", "    role: side") },
        { "THAL0005 error Spec.thalnet.yaml(8,3): Module '2b' is not a valid C# name: names start with a letter and hold only letters, digits, '_' and '-'", Valid(8, "  2b:") },
        { "THAL0006 error Spec.thalnet.yaml(8,3): Module 'train' becomes 'Train' in C#, which is reserved for a generated member", Valid(7, "    inputs: [x]", "  train: { role: side }") },
        { "THAL0007 error Spec.thalnet.yaml(2,9): Declared center 100 does not match the sum of module feature sizes 64 (a 32 + b 32)", Valid(1, "model: M", "center: 100") },
        { "THAL0008 error Spec.thalnet.yaml(3,1): The model has no input module; give at least one module 'role: input'", Yaml("model: M", "inputs: {}", "modules:", "  b:", "    role: output", "    outputs:", "      y: { size: 2 }") },
        { "THAL0009 error Spec.thalnet.yaml(4,3): Input module 'a' reads no inputs; list them in 'inputs'", Yaml("model: M", "inputs: {}", "modules:", "  a:", "    role: input", "  b:", "    role: output", "    outputs:", "      y: { size: 2 }") },
        { "THAL0011 error Spec.thalnet.yaml(7,17): Module 'a' reads undeclared input 'w'. Expected one of: x", Valid(7, "    inputs: [x, w]") },
        { "THAL0012 error Spec.thalnet.yaml(4,1): The model has no output module; give at least one module 'role: output'", Yaml("model: M", "inputs:", "  x: 4", "modules:", "  a:", "    role: input", "    inputs: [x]") },
        { "THAL0013 error Spec.thalnet.yaml(8,3): Output module 'b' has no outputs; declare them in 'outputs'", Yaml("model: M", "inputs:", "  x: 4", "modules:", "  a:", "    role: input", "    inputs: [x]", "  b:", "    role: output") },
        { "THAL0014 error Spec.thalnet.yaml(8,14): Unknown reading mechanism 'weight-nrom'. Did you mean 'weight-norm'?", Valid(7, "    inputs: [x]", "    reading: weight-nrom") },
        { "THAL0015 error Spec.thalnet.yaml(8,14): Invalid layer 'fff 32': unknown kind 'fff'. Did you mean 'ff'?", Valid(7, "    inputs: [x]", "    layers: [fff 32]") },
        { "THAL0015 error Spec.thalnet.yaml(8,26): Invalid layer 'lstn 16': unknown kind 'lstn'. Did you mean 'lstm'?", Valid(7, "    inputs: [x]", "    layers: [ff 16 gelu, lstn 16]") },
        { "THAL0015 error Spec.thalnet.yaml(8,22): Invalid layer 'lstm 16 tanh': 'lstm' takes no activation", Valid(7, "    inputs: [x]", "    layers: [lstm 16 tanh]") },
        { "THAL0016 error Spec.thalnet.yaml(8,20): Unknown activation 'relux'. Did you mean 'relu'?", Valid(7, "    inputs: [x]", "    layers: [ff 32 relux]") },
        { "THAL0017 error Spec.thalnet.yaml(8,14): Context of module 'a' must be at least 1, but is 0", Valid(7, "    inputs: [x]", "    context: 0") },
        { "THAL0018 error Spec.thalnet.yaml(2,11): Substeps must be at least 1, but is 0", Valid(1, "model: M", "substeps: 0") },
        { "THAL0019 error Spec.thalnet.yaml(2,9): Model has 19076 parameters, above its budget of 10000", Valid(1, "model: M", "budget: 10000") },
        { "THAL0020 error Spec.thalnet.yaml(8,14): Expected an integer but found 'abc'", Valid(7, "    inputs: [x]", "    context: abc") },
        { "THAL0021 error Spec.thalnet.yaml(6,11): Unknown role 'inptu'. Did you mean 'input'?", Valid(6, "    role: inptu") },
        { "THAL0022 error Spec.thalnet.yaml(11,25): Unknown output timing 'first'. Expected one of: last, every", Valid(11, "      y: { size: 2, at: first }") },
        { "THAL0023 error Spec.thalnet.yaml(10,5): 'inputs' is only allowed on input modules, but module 's' has role 'side'", Valid(7, "    inputs: [x]", "  s:", "    role: side", "    inputs: [x]") },
        { "THAL0024 error Spec.thalnet.yaml(3,17): Input 'x' declares both 'size' and 'tokens'; give one", Valid(3, "  x: { size: 4, tokens: 4 }") },
        { "THAL0025 error Spec.thalnet.yaml(8,13): The layer list of module 'a' is empty", Valid(7, "    inputs: [x]", "    layers: []") },
        { "THAL0027 error Spec.thalnet.yaml(11,29): Weight of output 'y' must be a finite float of at least 0 (at most 3.4028235E+38), but is -1", Valid(11, "      y: { size: 2, weight: -1 }") },
        { "THAL0028 error Spec.thalnet.yaml(6,3): Module 'a' makes the model too large: it has a parameter of more than 2^31-1 elements", Valid(1, "model: M", "defaults: { reading: fast-softmax, context: 100000, layers: [gru 100000] }") },
        { "THAL0029 error Spec.thalnet.yaml(11,7): Output 'gru' of module 'b' would name its parameters 'b.gru.*', which the module's layer 'gru' already uses", Valid(11, "      gru: { size: 2 }") },
        { "THAL0036 error Spec.thalnet.yaml(8,18): Layer 'gru auto' has size 'auto', which is solved from the parameter budget, but the model has no 'budget'; add one (e.g. 'budget: 50000') or write a number", Valid(7, "    inputs: [x]", "    layers: [gru auto]") },
        { "THAL0037 error Spec.thalnet.yaml(2,9): No size for the 'auto' layers fits the budget of 100: with size 1 the model already has 228 parameters; a budget of at least 228 would work", Valid(1, "model: M", "budget: 100", "defaults: { layers: [ff auto relu, gru auto] }") },
        { "THAL0039 error Spec.thalnet.yaml(2,9): 'active' must be from 1 to 1 (one less than the module count), but is 2", Valid(1, "model: M", "active: 2", "defaults: { reading: attention }") },
        { "THAL0040 error Spec.thalnet.yaml(10,14): 'active' ranks modules by the weight their read puts on a null slot, but module 'a' reads by 'fast-gaussian', which has none; only 'attention' has a null slot", Valid(1, "model: M", "active: 1", "defaults: { reading: attention }").Replace("    inputs: [x]\n", "    inputs: [x]\n    reading: fast-gaussian\n", StringComparison.Ordinal) },
    };

    public static TheoryData<string[], string> AttributeCases => new()
    {
        { ["THAL0003 error Consumer0.cs(6,16): Missing required key 'role' in module 'a'"], Attributes(6, """[ThalNetModule("a", Inputs = new[] { "x" })]""") },
        { ["THAL0010 warning Consumer0.cs(6,15): Input 'z' is declared but no module reads it"], Attributes(5, """[ThalNetInput("x", 4)]""", """[ThalNetInput("z", 3)]""") },
        { ["THAL0014 error Consumer0.cs(6,71): Unknown reading mechanism 'weight-nrom'. Did you mean 'weight-norm'?"], Attributes(6, """[ThalNetModule("a", Role = "input", Inputs = new[] { "x" }, Reading = "weight-nrom")]""") },
        { ["THAL0016 error Consumer0.cs(6,93): Unknown activation 'relux'. Did you mean 'relu'?"], Attributes(6, """[ThalNetModule("a", Role = "input", Inputs = new[] { "x" }, Layers = new[] { "gru 8", "ff 8 relux" })]""") },
        { ["THAL0018 error Consumer0.cs(4,26): Substeps must be at least 1, but is 0"], Attributes(4, "[ThalNetModel(Substeps = 0)]") },
        { ["THAL0026 error Consumer0.cs(8,16): Output 'y' belongs to undeclared module 'bb'. Did you mean 'b'?", "THAL0013 error Consumer0.cs(7,16): Output module 'b' has no outputs; declare them in 'outputs'"], Attributes(8, """[ThalNetOutput("bb", "y", 2)]""") },
        { ["THAL0036 error Consumer0.cs(6,83): Layer 'gru auto' has size 'auto', which is solved from the parameter budget, but the model has no 'budget'; add one (e.g. 'budget: 50000') or write a number"], Attributes(6, """[ThalNetModule("a", Role = "input", Inputs = new[] { "x" }, Layers = new[] { "gru auto" })]""") },
        { ["THAL0037 error Consumer0.cs(4,24): No size for the 'auto' layers fits the budget of 100: with size 1 the model already has 228 parameters; a budget of at least 228 would work"], Attributes(4, "[ThalNetModel(Budget = 100)]", """[ThalNetDefaults(Layers = new[] { "ff auto relu", "gru auto" })]""") },
        { ["THAL0039 error Consumer0.cs(4,24): 'active' must be from 1 to 1 (one less than the module count), but is 0"], Attributes(4, "[ThalNetModel(Active = 0)]", """[ThalNetDefaults(Reading = "attention")]""") },
        {
            [
                "THAL0040 error Consumer0.cs(4,24): 'active' ranks modules by the weight their read puts on a null slot, but module 'a' reads by 'weight-norm', which has none; only 'attention' has a null slot",
                "THAL0040 error Consumer0.cs(4,24): 'active' ranks modules by the weight their read puts on a null slot, but module 'b' reads by 'weight-norm', which has none; only 'attention' has a null slot",
            ],
            Attributes(4, "[ThalNetModel(Active = 1)]")
        },
        { ["THAL0030 error Consumer0.cs(9,14): Class 'Net' has [ThalNetModel] but is not partial; declare it 'partial class Net'"], Attributes(9, "public class Net;") },
        { ["THAL0031 error Consumer0.cs(9,22): Class 'Net' cannot be a ThalNet model: it is generic"], Attributes(9, "public partial class Net<T>;") },
        { ["THAL0031 error Consumer0.cs(9,22): Class 'Net' cannot be a ThalNet model: it derives from 'System.Exception', but the generated part derives it from 'ThalNet.Runtime.Models.ThalNetModel'"], Attributes(9, "public partial class Net : System.Exception;") },
        { ["THAL0031 error Consumer0.cs(9,28): Class 'Net' cannot be a ThalNet model: it names 'object' as its base class, but the generated part derives it from 'ThalNet.Runtime.Models.ThalNetModel'; remove ': object'"], Attributes(9, "public partial class Net : object;") },
        { ["THAL0038 error Consumer0.cs(9,39): Member 'Step' of class 'Net' conflicts with the generated part: the generated part declares 'Step'; rename yours"], Attributes(9, "public partial class Net { public int Step; }") },
        { ["THAL0038 error Consumer0.cs(9,40): Member 'B' of class 'Net' conflicts with the generated part: the generated part declares 'B', the property of module 'b'; rename yours or the module"], Attributes(9, "public partial class Net { private int B() => 0; }") },
        { ["THAL0038 error Consumer0.cs(9,49): Member 'Runs' of class 'Net' conflicts with the generated part: 'Runs' is a member of the runtime base class the generated part derives from; rename yours"], Attributes(9, "public partial class Net { public static string Runs => \"\"; }") },
        { ["THAL0038 error Consumer0.cs(9,35): Constructor 'Net()' of class 'Net' conflicts with the generated part: the generated part declares the constructor Net(RandomSource random), which creates every module; remove yours and create the model with new Net(random)"], Attributes(9, "public partial class Net { public Net() { } }") },
        { ["THAL0032 error Consumer0.cs(4,27): Namespace 'Other' differs from the namespace of class 'Net' ('App'); the generated part of a partial class is in the class's namespace"], Attributes(4, """[ThalNetModel(Namespace = "Other")]""") },
    };

    [Theory]
    [MemberData(nameof(YamlCases))]
    public void Yaml_mistake_is_reported_at_its_place_and_generates_nothing(string expected, string yaml)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml(File, yaml)]);

        Assert.Equal([expected], result.DiagnosticLines);
        Assert.Empty(result.Sources);
    }

    [Theory]
    [MemberData(nameof(AttributeCases))]
    public void Attribute_mistake_is_reported_at_its_argument_and_generates_nothing(string[] expected, string source)
    {
        var result = GeneratorHarness.Run([], source);

        Assert.Equal(expected, result.DiagnosticLines);
        Assert.Equal(expected.All(line => line.Contains(" warning ", StringComparison.Ordinal)), result.Sources.Count == 1);
    }

    [Fact]
    public void Warning_still_generates_code()
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml(File, Valid(3, "  x: 4", "  z: 3"))]);

        Assert.Equal(["THAL0010 warning Spec.thalnet.yaml(4,3): Input 'z' is declared but no module reads it"], result.DiagnosticLines);
        Assert.Equal("Consumer.App.M.g.cs", Assert.Single(result.Sources).HintName);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void Nested_class_is_reported()
    {
        var result = GeneratorHarness.Run([], Attributes(3, "public partial class Outer", "{") + "}\n");

        Assert.Equal(["THAL0031 error Consumer0.cs(10,22): Class 'Net' cannot be a ThalNet model: it is nested in 'Outer'"], result.DiagnosticLines);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void A_model_defined_twice_is_generated_once()
    {
        var result = GeneratorHarness.Run(
            [GeneratorHarness.Yaml("First.thalnet.yaml", Valid(1, "model: Net", "namespace: App")), GeneratorHarness.Yaml("Second.thalnet.yaml", Valid(1, "model: Net", "namespace: App"))],
            Attributes(0));

        Assert.Equal(
            [
                "THAL0033 error Second.thalnet.yaml(1,8): Model 'App.Net' is also defined in First.thalnet.yaml; no code is generated for this definition",
                "THAL0033 error Consumer0.cs(9,22): Model 'App.Net' is also defined in First.thalnet.yaml; no code is generated for this definition",
            ],
            result.DiagnosticLines);
        Assert.Equal("App.Net.g.cs", Assert.Single(result.Sources).HintName);
    }

    [Fact]
    public void A_file_listed_twice_is_one_spec()
    {
        var spec = GeneratorHarness.Yaml(File, Valid(1, "model: M"));

        var result = GeneratorHarness.Run([spec, spec]);

        Assert.Empty(result.DiagnosticLines);
        Assert.Single(result.Sources);
    }

    [Fact]
    public void A_failure_inside_the_generator_is_a_diagnostic()
    {
        var result = GeneratorHarness.Run([new UnreadableAdditionalText(File), GeneratorHarness.Yaml("Other.thalnet.yaml", Valid(1, "model: M"))]);

        Assert.Equal(["THAL0034 error Spec.thalnet.yaml(1,1): The ThalNet generator failed on Spec.thalnet.yaml: IOException: disk on fire"], result.DiagnosticLines);
        Assert.Null(result.RunResult.Exception);
        Assert.Single(result.Sources);
    }

    [Fact]
    public void Without_ThalNet_Runtime_each_model_asks_for_it_and_generates_nothing()
    {
        // No CS0246 wall: with no generated code, THAL0035 is the only error the user sees.
        var compilation = GeneratorHarness.CompilationWithoutRuntime(Attributes(0));

        var result = GeneratorHarness.Run(compilation, GeneratorHarness.Driver([GeneratorHarness.Yaml(File, Valid(1, "model: M"))]));

        Assert.Equal(
            [
                "THAL0035 error Spec.thalnet.yaml(1,8): Model 'Consumer.App.M' needs the ThalNet.Runtime package: add a reference to ThalNet.Runtime (dotnet add package ThalNet.Runtime)",
                "THAL0035 error Consumer0.cs(9,22): Model 'App.Net' needs the ThalNet.Runtime package: add a reference to ThalNet.Runtime (dotnet add package ThalNet.Runtime)",
            ],
            result.DiagnosticLines);
        Assert.Empty(result.Sources);
        Assert.DoesNotContain(result.CompilationProblems(), line => line.Contains(" error ", StringComparison.Ordinal));
    }

    [Fact]
    public void Roslyn_descriptors_mirror_the_catalog()
    {
        foreach (var spec in SpecDiagnostics.All)
        {
            var descriptor = Diagnostics.DiagnosticDescriptors.For(spec.Id);
            Assert.Equal((spec.Id, spec.Title, spec.MessageFormat, SpecDiagnosticDescriptor.Category), (descriptor.Id, descriptor.Title.ToString(), descriptor.MessageFormat.ToString(), descriptor.Category));
            Assert.Equal(spec.Severity == SpecSeverity.Error, descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        }
    }

    [Fact]
    public void Every_catalog_id_is_covered_by_a_test()
    {
        var covered = YamlCases.Select(row => (string)row[0])
            .Concat(AttributeCases.SelectMany(row => (string[])row[0]))
            .Select(line => line[..8])
            .Concat(["THAL0010", "THAL0033", "THAL0034", "THAL0035"]);

        Assert.Empty(SpecDiagnostics.All.Select(d => d.Id).Except(covered));
    }

    /// <summary>A valid two-module spec, lines from <paramref name="line"/> on replaced by <paramref name="replacement"/> (the rest inserted after it).</summary>
    internal static string Valid(int line, params string[] replacement)
    {
        var lines = new List<string> { "model: M", "inputs:", "  x: 4", "modules:", "  a:", "    role: input", "    inputs: [x]", "  b:", "    role: output", "    outputs:", "      y: { size: 2 }" };
        lines.RemoveAt(line - 1);
        lines.InsertRange(line - 1, replacement);
        return Yaml([.. lines]);
    }

    /// <summary>A valid attributed class with line <paramref name="line"/> replaced (0: none), so every position is known.</summary>
    private static string Attributes(int line, params string[] replacement)
    {
        var lines = new List<string>
        {
            "using ThalNet;",
            "namespace App;",
            "",
            "[ThalNetModel]",
            """[ThalNetInput("x", 4)]""",
            """[ThalNetModule("a", Role = "input", Inputs = new[] { "x" })]""",
            """[ThalNetModule("b", Role = "output")]""",
            """[ThalNetOutput("b", "y", 2)]""",
            "public partial class Net;",
        };
        if (line > 0)
        {
            lines.RemoveAt(line - 1);
            lines.InsertRange(line - 1, replacement);
        }

        return string.Join("\n", lines) + "\n";
    }
}
