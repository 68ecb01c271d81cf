using ThalNet.Generators.Tests.Infrastructure;

namespace ThalNet.Generators.Tests;

/// <summary>A model written as attributes on a partial class generates exactly the code of the same model in YAML.</summary>
public class AttributeFormTests
{
    private const string SequentialMnist = """
        using ThalNet;

        namespace ThalNet.Examples.SequentialMnist;

        /// <summary>The sequential-MNIST model, written as attributes.</summary>
        [ThalNetModel(Substeps = 1, Center = 128, Budget = 50000, Namespace = "ThalNet.Examples.SequentialMnist")]
        [ThalNetInput("pixels", 28)]
        [ThalNetDefaults(Reading = "weight-norm", Context = 32, Layers = new[] { "ff 32 relu", "gru 32" })]
        [ThalNetModule("vision", Role = "input", Inputs = new[] { "pixels" })]
        [ThalNetModule("side1", Role = "side")]
        [ThalNetModule("side2", Role = "side")]
        [ThalNetModule("decision", Role = "output")]
        [ThalNetOutput("decision", "digit", 10, Loss = "cross-entropy", At = "last", Weight = 1.0)]
        public sealed partial class SequentialMnistNet;
        """;

    // Every other way to write arguments: named constructor arguments, collection expressions, token inputs,
    // several outputs per module with timings and weights.
    private const string MultiTask = """
        using ThalNet;

        namespace ThalNet.Examples.MultiTask;

        /// <summary>The multi-task model, written as attributes.</summary>
        [ThalNetModel(Substeps = 1, Center = 96, Budget = 100000)]
        [ThalNetInput(name: "image", size: 12)]
        [ThalNetInput("command", Tokens = 10)]
        [ThalNetDefaults(Reading = "fast-softmax", Context = 8, Layers = ["gru 24"])]
        [ThalNetModule("eye", Role = "input", Inputs = ["image"])]
        [ThalNetModule("ear", Role = "input", Inputs = new[] { "command", "image" }, Reading = "linear", Layers = new string[] { "ff 24 relu", "gru 24" })]
        [ThalNetModule("answer", Role = "output")]
        [ThalNetModule("helper", Role = "output", Reading = "fast-gaussian")]
        [ThalNetOutput("answer", "label", 10)]
        [ThalNetOutput("helper", "next-command", 10, At = "every", Weight = 0.25)]
        [ThalNetOutput("helper", "done", 2, Weight = 0.5)]
        public partial class MultiTaskNet;
        """;

    [Theory]
    [InlineData("SequentialMnist.thalnet.yaml", SequentialMnist)]
    [InlineData("MultiTask.thalnet.yaml", MultiTask)]
    public void Attributes_generate_the_same_code_as_yaml(string spec, string source)
    {
        var fromYaml = GeneratorHarness.Run([TestSpecs.File(spec)]);
        var fromAttributes = GeneratorHarness.Run([], source);

        Assert.Empty(fromAttributes.DiagnosticLines);
        var expected = Assert.Single(fromYaml.Sources);
        var actual = Assert.Single(fromAttributes.Sources);
        Assert.Equal(expected.HintName, actual.HintName);
        Assert.Equal(expected.SourceText.ToString(), actual.SourceText.ToString());
        fromAttributes.AssertCompilesCleanly();
    }

    [Fact]
    public void Attribute_model_takes_its_class_namespace()
    {
        var result = GeneratorHarness.Run([], """
            namespace Deep.Inside;

            [ThalNet.ThalNetModel]
            [ThalNet.ThalNetInput("x", 3)]
            [ThalNet.ThalNetModule("a", Role = "input", Inputs = new[] { "x" })]
            [ThalNet.ThalNetModule("b", Role = "output")]
            [ThalNet.ThalNetOutput("b", "y", 2)]
            internal partial class Net;
            """);

        Assert.Equal("Deep.Inside.Net.g.cs", Assert.Single(result.Sources).HintName);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void Attributes_that_do_not_bind_are_left_to_the_compiler()
    {
        var result = GeneratorHarness.Run([], """
            [ThalNet.ThalNetModel]
            [ThalNet.ThalNetInput("x", "four")]
            public partial class Net;
            """);

        Assert.Empty(result.DiagnosticLines);
        Assert.Empty(result.Sources);
        Assert.Contains(result.CompilationProblems(), line => line.StartsWith("CS1503", StringComparison.Ordinal));
    }
}
