using static ThalNet.Specs.Tests.TestSpecs;

namespace ThalNet.Specs.Tests;

/// <summary>
/// Every YAML-reachable diagnostic id: its severity, exact line and column, message, and that it is
/// the only diagnostic the mistake causes (no cascades).
/// </summary>
public class DiagnosticTests
{
    private const string Error = "error";
    private const string Warning = "warning";

    public static TheoryData<string, string, int, int, string?, string> Cases => new()
    {
        { "THAL0001", Error, 3, 1, "Invalid YAML: While parsing a flow mapping, did not find expected ',' or '}'.", Yaml("model: M", "inputs: {x: 4") },
        { "THAL0001", Error, 2, 1, "Invalid YAML: a spec file holds a single YAML document", Yaml("model: M", "---", "model: N") },
        { "THAL0001", Error, 1, 4, null, Yaml("a: [1, 2", "b: 3") },
        { "THAL0002", Error, 8, 5, "Unknown key 'readng' in module 'vision'. Did you mean 'reading'?", Yaml("model: M", "inputs:", "  x: 4", "modules:", "  vision:", "    role: input", "    inputs: [x]", "    readng: linear", "  b:", "    role: output", "    outputs:", "      y: { size: 2 }") },
        { "THAL0002", Error, 10, 5, "Unknown key 'outptus' in module 'b'. Did you mean 'outputs'?", Valid(10, "    outptus:") },
        { "THAL0002", Error, 6, 5, "Unknown key 'rloe' in module 'a'. Did you mean 'role'?", Valid(6, "    rloe: input") },
        { "THAL0001", Error, 16, 1, "Invalid YAML: a tab indents line 16; YAML indents with spaces only", Valid(11, "      y: { size: 2 }", "  c:", "    role: side", "  d:", "    role: side", "\t  e: { role: side }") },
        { "THAL0001", Error, 13, 1, "Invalid YAML: a tab indents line 13; YAML indents with spaces only", Valid(11, "      y: { size: 2 }", "  c:", "\trole: side") },
        { "THAL0002", Error, 2, 1, "Unknown key 'foo' in the spec. Expected one of: model, namespace, inputs, substeps, center, budget, active, defaults, modules", Yaml("model: M", "foo: 1", "inputs:", "  x: 4", "modules:", "  a:", "    role: input", "    inputs: [x]", "  b:", "    role: output", "    outputs:", "      y: { size: 2 }") },
        { "THAL0003", Error, 11, 7, "Missing required key 'size' in output 'y'", Valid(11, "      y: { loss: cross-entropy }") },
        { "THAL0003", Error, 1, 1, "Missing required key 'model' in the spec", Valid(1, "namespace: N") },
        { "THAL0003", Error, 5, 3, "Missing required key 'role' in module 'a'", Valid(6, "    reading: linear") },
        { "THAL0004", Error, 12, 3, "Duplicate module 'a' in the spec; the first is at line 5, column 3", Valid(11, "      y: { size: 2 }", "  a:", "    role: side") },
        { "THAL0004", Error, 8, 5, "Duplicate key 'role' in module 'a'; the first is at line 6, column 5", Valid(7, "    inputs: [x]", "    role: side") },
        { "THAL0004", Error, 7, 17, "Duplicate input 'x' in module 'a'; the first is at line 7, column 14", Valid(7, "    inputs: [x, x]") },
        { "THAL0005", Error, 8, 3, "Module '2b' is not a valid C# name: names start with a letter and hold only letters, digits, '_' and '-'", Valid(8, "  2b:") },
        { "THAL0005", Error, 1, 8, "Model 'class' is not a valid C# name: 'class' is a C# keyword", Valid(1, "model: class") },
        { "THAL0006", Error, 9, 3, "Module 'side1' becomes 'Side1' in C#, which collides with module 'side_1'", Valid(7, "    inputs: [x]", "  side_1: { role: side }", "  side1: { role: side }") },
        { "THAL0006", Error, 8, 3, "Module 'step' becomes 'Step' in C#, which is reserved for a generated member", Valid(7, "    inputs: [x]", "  step: { role: side }") },
        { "THAL0006", Error, 8, 3, "Module 'train' becomes 'Train' in C#, which is reserved for a generated member", Valid(7, "    inputs: [x]", "  train: { role: side }") },
        { "THAL0006", Error, 8, 3, "Module 'a-module' becomes 'AModule' in C#, which is the generated class of module 'a'", Valid(7, "    inputs: [x]", "  a-module: { role: side }") },
        { "THAL0006", Error, 11, 7, "Output 'Gru' becomes 'Gru' in C#, which collides with the layer 'gru' of module 'b'", Valid(11, "      Gru: { size: 2 }") },
        { "THAL0006", Error, 11, 7, "Output 'b-module' becomes 'BModule' in C#, which is the generated class of module 'b'", Valid(11, "      b-module: { size: 2 }") },
        { "THAL0006", Error, 1, 8, "Model 'Forward' becomes 'Forward' in C#, which is reserved for a generated member", Valid(1, "model: Forward") },
        { "THAL0006", Error, 1, 8, "Model 'AModule' becomes 'AModule' in C#, which is the generated class of module 'a'", Valid(1, "model: AModule") },
        { "THAL0007", Error, 4, 9, "Declared center 100 does not match the sum of module feature sizes 128 (vision 32 + side1 32 + side2 32 + decision 32)", Yaml("model: M", "inputs:", "  pixels: 28", "center: 100", "modules:", "  vision: { role: input, inputs: [pixels] }", "  side1: { role: side }", "  side2: { role: side }", "  decision:", "    role: output", "    outputs:", "      digit: { size: 10 }") },
        { "THAL0008", Error, 3, 1, "The model has no input module; give at least one module 'role: input'", Yaml("model: M", "inputs: {}", "modules:", "  b:", "    role: output", "    outputs:", "      y: { size: 2 }") },
        { "THAL0009", Error, 4, 3, "Input module 'a' reads no inputs; list them in 'inputs'", Yaml("model: M", "inputs: {}", "modules:", "  a:", "    role: input", "  b:", "    role: output", "    outputs:", "      y: { size: 2 }") },
        { "THAL0010", Warning, 4, 3, "Input 'z' is declared but no module reads it", Valid(3, "  x: 4", "  z: 3") },
        { "THAL0011", Error, 7, 17, "Module 'a' reads undeclared input 'w'. Expected one of: x", Valid(7, "    inputs: [x, w]") },
        { "THAL0011", Error, 8, 14, "Module 'a' reads undeclared input 'xs'. Did you mean 'x'?", Yaml("model: M", "inputs:", "  x: 4", "  y: 3", "modules:", "  a:", "    role: input", "    inputs: [xs, x, y]", "  b:", "    role: output", "    outputs:", "      out: { size: 2 }") },
        { "THAL0012", Error, 4, 1, "The model has no output module; give at least one module 'role: output'", Yaml("model: M", "inputs:", "  x: 4", "modules:", "  a:", "    role: input", "    inputs: [x]") },
        { "THAL0013", Error, 8, 3, "Output module 'b' has no outputs; declare them in 'outputs'", Yaml("model: M", "inputs:", "  x: 4", "modules:", "  a:", "    role: input", "    inputs: [x]", "  b:", "    role: output") },
        { "THAL0014", Error, 8, 14, "Unknown reading mechanism 'weight-nrom'. Did you mean 'weight-norm'?", Valid(7, "    inputs: [x]", "    reading: weight-nrom") },
        { "THAL0015", Error, 8, 14, "Invalid layer 'fff 32': unknown kind 'fff'. Did you mean 'ff'?", Valid(7, "    inputs: [x]", "    layers: [fff 32]") },
        { "THAL0015", Error, 8, 14, "Invalid layer 'gru16': unknown kind 'gru16'. Did you mean 'gru 16'?", Valid(7, "    inputs: [x]", "    layers: [gru16]") },
        { "THAL0015", Error, 8, 14, "Invalid layer 'ff32 relu': unknown kind 'ff32'. Did you mean 'ff 32 relu'?", Valid(7, "    inputs: [x]", "    layers: [ff32 relu]") },
        { "THAL0015", Error, 8, 21, "Invalid layer 'gru 32 relu': 'gru' takes no activation", Valid(7, "    inputs: [x]", "    layers: [gru 32 relu]") },
        { "THAL0015", Error, 8, 17, "Invalid layer 'ff x': the size 'x' is not an integer or 'auto'", Valid(7, "    inputs: [x]", "    layers: [ff x]") },
        { "THAL0015", Error, 8, 14, "Invalid layer 'ff': expected a size after 'ff', as in 'ff 32'", Valid(7, "    inputs: [x]", "    layers: [\"ff\"]") },
        { "THAL0016", Error, 8, 20, "Unknown activation 'relux'. Did you mean 'relu'?", Valid(7, "    inputs: [x]", "    layers: [ff 32 relux]") },
        { "THAL0017", Error, 8, 14, "Context of module 'a' must be at least 1, but is 0", Valid(7, "    inputs: [x]", "    context: 0") },
        { "THAL0017", Error, 3, 6, "Size of input 'x' must be at least 1, but is -4", Valid(3, "  x: -4") },
        { "THAL0017", Error, 8, 18, "Size of layer 'gru 0' in module 'a' must be at least 1, but is 0", Valid(7, "    inputs: [x]", "    layers: [gru 0]") },
        { "THAL0018", Error, 2, 11, "Substeps must be at least 1, but is 0", Valid(1, "model: M", "substeps: 0") },
        { "THAL0039", Error, 2, 9, "'active' must be from 1 to 1 (one less than the module count), but is 2", Valid(1, "model: M", "active: 2", "defaults: { reading: attention }") },
        { "THAL0040", Error, 10, 14, "'active' ranks modules by the weight their read puts on a null slot, but module 'a' reads by 'linear', which has none; only 'attention' has a null slot", Valid(1, "model: M", "active: 1", "defaults: { reading: attention }").Replace("    inputs: [x]\n", "    inputs: [x]\n    reading: linear\n", StringComparison.Ordinal) },
        { "THAL0019", Error, 2, 9, "Model has 19076 parameters, above its budget of 10000", Valid(1, "model: M", "budget: 10000") },
        { "THAL0020", Error, 8, 14, "Expected an integer but found 'abc'", Valid(7, "    inputs: [x]", "    context: abc") },
        { "THAL0020", Error, 8, 14, "Expected an integer but found '12'", Valid(7, "    inputs: [x]", "    context: '12'") },
        { "THAL0020", Error, 4, 3, "Expected a mapping but found a list", Yaml("model: M", "inputs: {}", "modules:", "  - a") },
        { "THAL0021", Error, 6, 11, "Unknown role 'inptu'. Did you mean 'input'?", Valid(6, "    role: inptu") },
        { "THAL0022", Error, 11, 27, "Unknown loss 'hinge'. Expected one of: cross-entropy, mse", Valid(11, "      y: { size: 2, loss: hinge }") },
        { "THAL0022", Error, 11, 25, "Unknown output timing 'first'. Expected one of: last, every", Valid(11, "      y: { size: 2, at: first }") },
        { "THAL0023", Error, 10, 5, "'inputs' is only allowed on input modules, but module 's' has role 'side'", Valid(7, "    inputs: [x]", "  s:", "    role: side", "    inputs: [x]") },
        { "THAL0023", Error, 8, 5, "'outputs' is only allowed on output modules, but module 'a' has role 'input'", Valid(7, "    inputs: [x]", "    outputs: { z: { size: 1 } }") },
        { "THAL0024", Error, 3, 17, "Input 'x' declares both 'size' and 'tokens'; give one", Valid(3, "  x: { size: 4, tokens: 4 }") },
        { "THAL0025", Error, 8, 13, "The layer list of module 'a' is empty", Valid(7, "    inputs: [x]", "    layers: []") },
        { "THAL0027", Error, 11, 29, "Weight of output 'y' must be a finite float of at least 0 (at most 3.4028235E+38), but is -1", Valid(11, "      y: { size: 2, weight: -1 }") },
        { "THAL0027", Error, 11, 29, "Weight of output 'y' must be a finite float of at least 0 (at most 3.4028235E+38), but is NaN", Valid(11, "      y: { size: 2, weight: .nan }") },
        { "THAL0028", Error, 6, 3, "Module 'a' makes the model too large: it has a parameter of more than 2^31-1 elements", Valid(1, "model: M", "defaults: { reading: fast-softmax, context: 100000, layers: [gru 100000] }") },
        { "THAL0029", Error, 11, 7, "Output 'gru' of module 'b' would name its parameters 'b.gru.*', which the module's layer 'gru' already uses", Valid(11, "      gru: { size: 2 }") },
        { "THAL0036", Error, 8, 18, "Layer 'gru auto' has size 'auto', which is solved from the parameter budget, but the model has no 'budget'; add one (e.g. 'budget: 50000') or write a number", Valid(7, "    inputs: [x]", "    layers: [gru auto]") },
        { "THAL0037", Error, 2, 9, "No size for the 'auto' layers fits the budget of 100: with size 1 the model already has 228 parameters; a budget of at least 228 would work", Valid(1, "model: M", "budget: 100", "defaults: { layers: [ff auto relu, gru auto] }") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Yaml_mistake_gives_exactly_its_diagnostic(string id, string severity, int line, int column, string? message, string yaml)
    {
        var compiled = SpecCompiler.FromYaml(FilePath, yaml);

        var diagnostic = Assert.Single(compiled.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity == Error ? SpecSeverity.Error : SpecSeverity.Warning, diagnostic.Severity);
        Assert.Equal((FilePath, line, column), (diagnostic.Location.FilePath, diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        if (message is not null)
        {
            Assert.Equal(message, diagnostic.Message);
        }

        Assert.Equal(diagnostic.IsError, compiled.Layout is null);
    }

    [Fact]
    public void Every_catalog_id_is_covered_by_a_test()
    {
        var yamlIds = Cases.Select(row => (string)row[0]).ToHashSet();
        var builderOnly = new[] { "THAL0026" };
        var generatorOnly = new[] { "THAL0030", "THAL0031", "THAL0032", "THAL0033", "THAL0034", "THAL0035", "THAL0038" };
        var ids = SpecDiagnostics.All.Select(d => d.Id);

        Assert.Empty(ids.Except(yamlIds).Except(builderOnly).Except(generatorOnly));
    }

    [Fact]
    public void Locations_span_the_offending_value()
    {
        var compiled = SpecCompiler.FromYaml(FilePath, Valid(7, "    inputs: [x]", "    reading: weight-nrom"));

        var location = Assert.Single(compiled.Diagnostics).Location;
        Assert.Equal(new SourceLocation(FilePath, 8, 14, 8, 25, 83, 94), location);
    }

    [Fact]
    public void Design_example_reports_its_center_and_budget()
    {
        var compiled = CompileFile("Design.thalnet.yaml");

        Assert.Equal(
            [
                "THAL0007 error Design.thalnet.yaml(8,9): Declared center 128 does not match the sum of module feature sizes 144 (vision 32 + side1 32 + side2 48 + decision 32)",
                "THAL0019 error Design.thalnet.yaml(9,9): Model has 53646 parameters, above its budget of 50000",
            ],
            Lines(compiled.Diagnostics));
        Assert.Null(compiled.Layout);
    }

    [Fact]
    public void Several_mistakes_are_all_reported_in_one_pass()
    {
        var yaml = Yaml("model: M", "inputs:", "  x: 0", "modules:", "  a:", "    role: input", "    inputs: [x]", "    readng: linear", "  b:", "    role: output", "    context: -1", "    outputs:", "      y: { size: 2, at: fist }");

        var ids = SpecCompiler.FromYaml(FilePath, yaml).Diagnostics.Select(d => d.Id);

        Assert.Equal(["THAL0002", "THAL0022", "THAL0017", "THAL0017"], ids);
    }

    /// <summary>
    /// A valid two-module spec with lines from <paramref name="line"/> on replaced by
    /// <paramref name="replacement"/> (the first replacing line <paramref name="line"/>, the rest inserted after it).
    /// </summary>
    private static string Valid(int line, params string[] replacement)
    {
        var lines = new List<string>
        {
            "model: M",
            "inputs:",
            "  x: 4",
            "modules:",
            "  a:",
            "    role: input",
            "    inputs: [x]",
            "  b:",
            "    role: output",
            "    outputs:",
            "      y: { size: 2 }",
        };
        lines.RemoveAt(line - 1);
        lines.InsertRange(line - 1, replacement);
        return Yaml([.. lines]);
    }
}
