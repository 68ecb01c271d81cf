using static ThalNet.Specs.Tests.TestSpecs;

namespace ThalNet.Specs.Tests;

public class SpecBuilderTests
{
    private const string MnistSource = """
        [ThalNetModel(Substeps = 1, Center = 128, Budget = 50000, Namespace = "ThalNet.Examples.SequentialMnist")]
        [ThalNetInput("pixels", 28)]
        [ThalNetDefaults(Reading = "weight-norm", Context = 32, Layers = new[] { "ff 32 relu", "gru 32" })]
        [ThalNetModule("vision", Role = "input", Inputs = new[] { "pixels" })]
        [ThalNetModule("side1", Role = "side")]
        [ThalNetModule("side2", Role = "side")]
        [ThalNetModule("decision", Role = "output")]
        [ThalNetOutput("decision", "digit", 10, Loss = "cross-entropy", At = "last", Weight = 1.0)]
        public partial class SequentialMnistNet;
        """;

    [Fact]
    public void Attributes_give_the_same_spec_as_yaml()
    {
        var fromYaml = SpecReader.Read("SequentialMnist.thalnet.yaml", FileText("SequentialMnist.thalnet.yaml"));
        var fromAttributes = SpecBuilder.Build(MnistAttributes());

        Assert.Empty(fromAttributes.Diagnostics);
        Assert.Equal(fromYaml.Spec!.WithoutLocations(), fromAttributes.Spec!.WithoutLocations());
        Assert.NotEqual(fromYaml.Spec, fromAttributes.Spec);
    }

    [Fact]
    public void Attributes_give_the_same_layout_as_yaml()
    {
        var fromYaml = CompileFile("SequentialMnist.thalnet.yaml");
        var fromAttributes = SpecCompiler.FromAttributes(MnistAttributes());

        Assert.NotNull(fromAttributes.Layout);
        Assert.Equal(fromYaml.Layout, fromAttributes.Layout);
    }

    [Fact]
    public void Token_input_attribute_matches_yaml_tokens()
    {
        var source = new AttributeSource("""[ThalNetInput("text", Tokens = 256)]""");
        var attributes = Model(source, inputs: [new InputAttributeArguments(source.Text("text"), null, source.Value(256, "256", "Tokens"))]);

        var input = Assert.Single(SpecBuilder.Build(attributes).Spec!.InputList);

        Assert.Equal(new InputSpec(new Located<string>("text", default), InputKind.Tokens, new Located<int>(256, default)), input.WithoutLocations());
    }

    [Fact]
    public void Output_of_an_undeclared_module_points_at_the_module_argument()
    {
        var source = new AttributeSource("""
            [ThalNetModule("decision", Role = "output")]
            [ThalNetOutput("decison", "digit", 10)]
            """);
        var attributes = Model(
            source,
            modules: [new ModuleAttributeArguments(source.Text("decision"), source.Text("output", "Role"), null, null, null, null)],
            outputs: [new OutputAttributeArguments(source.Text("decison"), source.Text("digit"), source.Value(10, "10", "10"), null, null, null)]);

        var compiled = SpecCompiler.FromAttributes(attributes);

        Assert.Equal(
            [
                "THAL0026 error Model.cs(2,16): Output 'digit' belongs to undeclared module 'decison'. Did you mean 'decision'?",
                "THAL0013 error Model.cs(1,16): Output module 'decision' has no outputs; declare them in 'outputs'",
                "THAL0008 error Model.cs(1,1): The model has no input module; give at least one module 'role: input'",
            ],
            Lines(compiled.Diagnostics));
    }

    [Fact]
    public void Attribute_problems_point_at_their_arguments()
    {
        var source = new AttributeSource("""
            [ThalNetInput("pixels")]
            [ThalNetModule("vision", Inputs = new[] { "pixels" }, Layers = new[] { "ff 32 relx" })]
            [ThalNetModule("vision", Role = "output", Reading = "fast-sofmax")]
            """);
        var attributes = Model(
            source,
            inputs: [new InputAttributeArguments(source.Text("pixels"), null, null)],
            modules:
            [
                new ModuleAttributeArguments(source.Text("vision"), null, source.Texts("Inputs", 0, "pixels"), null, null, source.Texts("Layers", 0, "ff 32 relx")),
                new ModuleAttributeArguments(source.Text("vision", occurrence: 1), source.Text("output", "Role"), null, source.Text("fast-sofmax", "Reading"), null, null),
            ]);

        var compiled = SpecCompiler.FromAttributes(attributes);

        Assert.Equal(
            [
                "THAL0003 error Model.cs(1,15): Missing required key 'size' or 'tokens' in input 'pixels'",
                "THAL0003 error Model.cs(2,16): Missing required key 'role' in module 'vision'",
                "THAL0016 error Model.cs(2,79): Unknown activation 'relx'. Did you mean 'relu'?",
                "THAL0014 error Model.cs(3,53): Unknown reading mechanism 'fast-sofmax'. Did you mean 'fast-softmax'?",
                "THAL0013 error Model.cs(3,16): Output module 'vision' has no outputs; declare them in 'outputs'",
                "THAL0004 error Model.cs(3,16): Duplicate module 'vision' in the spec; the first is at line 2, column 16",
            ],
            Lines(compiled.Diagnostics));
        Assert.Null(compiled.Layout);
    }

    private static ModelAttributes MnistAttributes()
    {
        var s = new AttributeSource(MnistSource);
        var model = new ModelAttributeArguments(
            new Located<string>("SequentialMnistNet", s.Find("SequentialMnistNet")),
            s.Text("ThalNet.Examples.SequentialMnist", "Namespace"),
            s.Value(1, "1", "Substeps"),
            s.Value(128, "128", "Center"),
            s.Value(50000L, "50000", "Budget"),
            s.Find("public partial class SequentialMnistNet;"));
        return new ModelAttributes(
            model,
            EquatableArray.Create(new InputAttributeArguments(s.Text("pixels"), s.Value(28, "28", "28"), null)),
            new DefaultsAttributeArguments(s.Text("weight-norm", "Reading"), s.Value(32, "32", "Context"), s.Texts("Layers", 0, "ff 32 relu", "gru 32")),
            EquatableArray.Create(
                new ModuleAttributeArguments(s.Text("vision"), s.Text("input", "Role"), s.Texts("Inputs", 0, "pixels"), null, null, null),
                new ModuleAttributeArguments(s.Text("side1"), s.Text("side", "Role"), null, null, null, null),
                new ModuleAttributeArguments(s.Text("side2"), s.Text("side", "Role", occurrence: 1), null, null, null, null),
                new ModuleAttributeArguments(s.Text("decision"), s.Text("output", "Role"), null, null, null, null)),
            EquatableArray.Create(
                new OutputAttributeArguments(
                    s.Text("decision", occurrence: 1),
                    s.Text("digit"),
                    s.Value(10, "10", "10"),
                    s.Text("cross-entropy", "Loss"),
                    s.Text("last", "At"),
                    s.Value(1.0, "1.0", "Weight"))));
    }

    private static ModelAttributes Model(
        AttributeSource source,
        InputAttributeArguments[]? inputs = null,
        ModuleAttributeArguments[]? modules = null,
        OutputAttributeArguments[]? outputs = null)
        => new(
            new ModelAttributeArguments(new Located<string>("M", SourceLocation.None), null, null, null, null, source.Find("[")),
            new EquatableArray<InputAttributeArguments>(inputs ?? []),
            null,
            new EquatableArray<ModuleAttributeArguments>(modules ?? []),
            new EquatableArray<OutputAttributeArguments>(outputs ?? []));
}
