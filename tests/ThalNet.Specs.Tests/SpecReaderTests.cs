using static ThalNet.Specs.Tests.TestSpecs;

namespace ThalNet.Specs.Tests;

public class SpecReaderTests
{
    [Fact]
    public void Sequential_mnist_file_reads_into_the_object_model()
    {
        var spec = Assert.IsType<ModelSpec>(SpecReader.Read("SequentialMnist.thalnet.yaml", FileText("SequentialMnist.thalnet.yaml")).Spec);

        Assert.Equal("SequentialMnistNet", spec.Name.Value);
        Assert.Equal("ThalNet.Examples.SequentialMnist", spec.Namespace?.Value);
        var input = Assert.Single(spec.InputList);
        Assert.Equal(("pixels", InputKind.Dense, 28), (input.Name.Value, input.Kind, input.Size?.Value));
        Assert.Equal(1, spec.Substeps?.Value);
        Assert.Equal(128, spec.Center?.Value);
        Assert.Equal(50000L, spec.Budget?.Value);
        Assert.Equal(ReadingMechanism.WeightNorm, spec.Defaults.Reading?.Value);
        Assert.Equal(32, spec.Defaults.Context?.Value);
        Assert.Equal(["ff 32 relu", "gru 32"], spec.Defaults.Layers?.Value.Select(l => l.ToString()));
        Assert.Equal(["vision", "side1", "side2", "decision"], spec.ModuleList.Select(m => m.Name.Value));
        Assert.Equal([ModuleRole.Input, ModuleRole.Side, ModuleRole.Side, ModuleRole.Output], spec.ModuleList.Select(m => m.Role?.Value));
        Assert.Equal(["pixels"], spec.ModuleList[0].Inputs?.Value.Select(i => i.Value));
        Assert.All(spec.ModuleList, m => Assert.Null(m.Layers));
        Assert.True(spec.IsComplete);

        var output = Assert.Single(spec.ModuleList[3].Outputs?.Value ?? default);
        Assert.Equal("digit", output.Name.Value);
        Assert.Equal(10, output.Size?.Value);
        Assert.Equal(LossKind.CrossEntropy, output.Loss?.Value);
        Assert.Equal(OutputTiming.Last, output.At?.Value);
        Assert.Equal(1.0, output.Weight?.Value);
    }

    [Fact]
    public void Keys_and_values_keep_their_locations()
    {
        var spec = ReadValid(Yaml(
            "model: M",
            "inputs:",
            "  x: 4",
            "modules:",
            "  a:",
            "    role: input",
            "    inputs: [x]",
            "    layers: [ff 8 tanh, gru 4]",
            "  b:",
            "    role: output",
            "    outputs:",
            "      y: { size: 2 }"));

        Assert.Equal((1, 1, 1, 6), Span(spec.Name.KeyLocation));
        Assert.Equal((1, 8, 1, 9), Span(spec.Name.ValueLocation));
        var input = spec.InputList[0];
        Assert.Equal((3, 3, 3, 4), Span(input.Name.KeyLocation));
        Assert.Equal((3, 6, 3, 7), Span(input.Size!.Value.ValueLocation));
        var module = spec.ModuleList[0];
        Assert.Equal((5, 3, 5, 4), Span(module.Name.KeyLocation));
        Assert.Equal((6, 5, 6, 9), Span(module.Role!.Value.KeyLocation));
        Assert.Equal((6, 11, 6, 16), Span(module.Role!.Value.ValueLocation));
        Assert.Equal((7, 14, 7, 15), Span(module.Inputs!.Value.Value[0].ValueLocation));
        var ff = module.Layers!.Value.Value[0];
        Assert.Equal((8, 14, 8, 23), Span(ff.Location));
        Assert.Equal((8, 14, 8, 16), Span(ff.Kind.ValueLocation));
        Assert.Equal((8, 17, 8, 18), Span(ff.Size.ValueLocation));
        Assert.Equal((8, 19, 8, 23), Span(ff.Activation!.Value.ValueLocation));
        var output = spec.ModuleList[1].Outputs!.Value.Value[0];
        Assert.Equal((12, 7, 12, 8), Span(output.Name.KeyLocation));
        Assert.Equal((12, 18, 12, 19), Span(output.Size!.Value.ValueLocation));

        static (int, int, int, int) Span(SourceLocation l) => (l.StartLine, l.StartColumn, l.EndLine, l.EndColumn);
    }

    [Fact]
    public void Token_inputs_and_block_lists_read()
    {
        var spec = ReadValid(FileText("TextModel.thalnet.yaml"));

        Assert.Equal([("text", InputKind.Tokens, 256), ("position", InputKind.Dense, 4)], spec.InputList.Select(i => (i.Name.Value, i.Kind, i.Size?.Value ?? 0)));
        Assert.Equal(["text", "position"], spec.ModuleList[0].Inputs?.Value.Select(i => i.Value));
        Assert.Equal(["ff 50 tanh", "gru 100", "ff 50"], spec.ModuleList[0].Layers?.Value.Select(l => l.ToString()));
        Assert.Null(spec.ModuleList[0].Layers?.Value[2].Activation);
        Assert.Equal(["ff 12 sigmoid"], spec.ModuleList[2].Layers?.Value.Select(l => l.ToString()));
        Assert.Equal(OutputTiming.Every, spec.ModuleList[2].Outputs?.Value[0].At?.Value);
        Assert.Equal(0.5, spec.ModuleList[2].Outputs?.Value[1].Weight?.Value);
    }

    [Fact]
    public void Dense_input_short_and_long_forms_are_the_same_spec()
    {
        const string Rest = "modules: {}";
        var shortForm = SpecReader.Read(FilePath, Yaml("model: M", "inputs:", "  pixels: 28", Rest)).Spec!;
        var longForm = SpecReader.Read(FilePath, Yaml("model: M", "inputs:", "  pixels: { size: 28 }", Rest)).Spec!;

        Assert.Equal(shortForm.WithoutLocations(), longForm.WithoutLocations());
    }

    [Fact]
    public void Anchors_and_aliases_resolve()
    {
        var spec = ReadValid(Yaml(
            "model: M",
            "inputs: { x: 4 }",
            "defaults: { layers: &stack [ff 8, gru 8] }",
            "modules:",
            "  a: { role: input, inputs: [x], layers: *stack }",
            "  b: { role: output, outputs: { y: { size: 2 } } }"));

        Assert.Equal(["ff 8", "gru 8"], spec.ModuleList[0].Layers?.Value.Select(l => l.ToString()));
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("# nothing but a comment\n", 1, 1)]
    [InlineData("~\n", 1, 1)]
    public void Empty_file_reports_missing_keys(string yaml, int line, int column)
    {
        var result = SpecReader.Read(FilePath, yaml);

        Assert.Equal(["THAL0003", "THAL0003", "THAL0003"], result.Diagnostics.Select(d => d.Id));
        Assert.All(result.Diagnostics, d => Assert.Equal((line, column), (d.Location.StartLine, d.Location.StartColumn)));
    }

    [Theory]
    [InlineData("model: M\nlayers: *nowhere\n", 2, 9)]
    [InlineData("model: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", 1, 72)]
    [InlineData("[a, b]\n- c\n", 2, 1)]
    public void Malformed_yaml_is_a_syntax_error(string yaml, int line, int column)
    {
        var result = SpecReader.Read(FilePath, yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("THAL0001", diagnostic.Id);
        Assert.Equal((line, column), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        Assert.Null(result.Spec);
    }

    [Fact]
    public void Reading_never_throws_on_any_prefix_of_a_spec()
    {
        var text = FileText("Design.thalnet.yaml") + FileText("TextModel.thalnet.yaml");

        for (var length = 0; length <= text.Length; length++)
        {
            var compiled = SpecCompiler.FromYaml(FilePath, text.Substring(0, length));
            Assert.True(compiled.Layout is null || compiled.Diagnostics.All(d => !d.IsError));
        }
    }
}
