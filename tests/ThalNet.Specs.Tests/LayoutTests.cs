using static ThalNet.Specs.Tests.TestSpecs;

namespace ThalNet.Specs.Tests;

public class LayoutTests
{
    [Fact]
    public void Sequential_mnist_has_the_papers_parameter_count()
    {
        // C = 4 x 32 = 128, K = 32. Every weight-norm reader: w [32, 128] + beta = 4097.
        // vision:  ff [32, 28 + 32] + 32 = 1952; gru 32 on 32: 2 x [96, 32] + 2 x 96 = 6336.
        // others:  ff [32, 0 + 32] + 32 = 1056; gru 6336.  Output digit: [10, 32] + 10 = 330.
        const long Vision = 4097 + 1952 + 6336;
        const long Other = 4097 + 1056 + 6336;
        const long Expected = Vision + (3 * Other) + 330;

        var layout = Assert.IsType<ModelLayout>(CompileFile("SequentialMnist.thalnet.yaml").Layout);

        Assert.Equal(47182L, Expected);
        Assert.Equal(Expected, layout.ParameterCount);
        Assert.Equal(layout.ParameterCount, layout.Parameters.Sum(p => p.ElementCount));
        Assert.Equal(128, layout.CenterSize);
        Assert.Equal([0, 32, 64, 96], layout.Modules.Select(m => m.CenterOffset));
        Assert.Equal(["Vision", "Side1", "Side2", "Decision"], layout.Modules.Select(m => m.CSharpName));
    }

    [Fact]
    public void Parameters_are_named_and_shaped_like_the_runtime_registers_them()
    {
        var layout = CompileFile("SequentialMnist.thalnet.yaml").Layout!;

        Assert.Equal(
            [
                "vision.read.w [32, 128]", "vision.read.beta []",
                "vision.ff.weight [32, 60]", "vision.ff.bias [32]",
                "vision.gru.weight_ih [96, 32]", "vision.gru.weight_hh [96, 32]", "vision.gru.bias_ih [96]", "vision.gru.bias_hh [96]",
            ],
            layout.Parameters.Take(8).Select(p => p.ToString()));
        Assert.Equal(
            ["decision.gru.bias_hh [96]", "decision.digit.weight [10, 32]", "decision.digit.bias [10]"],
            layout.Parameters.Skip(layout.Parameters.Count - 3).Select(p => p.ToString()));
        Assert.Equal(4 * 8 + 2, layout.Parameters.Count);
    }

    [Fact]
    public void Module_layout_resolves_defaults_and_infers_sizes()
    {
        var vision = CompileFile("SequentialMnist.thalnet.yaml").Layout!.Modules[0];

        Assert.Equal(
            new ModuleLayout(
                "vision",
                "Vision",
                ModuleRole.Input,
                CenterOffset: 0,
                FeatureSize: 32,
                ReadingMechanism.WeightNorm,
                ContextSize: 32,
                EquatableArray.Create("pixels"),
                InputWidth: 28,
                EquatableArray.Create(
                    new LayerLayout("ff", "vision.ff", LayerKind.FeedForward, Activation.Relu, 60, 32),
                    new LayerLayout("gru", "vision.gru", LayerKind.Gru, Activation.None, 32, 32)),
                EquatableArray<OutputLayout>.Empty),
            vision);
        Assert.Equal(60, vision.FirstLayerInputSize);
    }

    [Fact]
    public void Text_model_covers_tokens_substeps_every_reader_and_mixed_stacks()
    {
        var layout = Assert.IsType<ModelLayout>(CompileFile("TextModel.thalnet.yaml").Layout);

        // C = 50 + 16 + 12 = 78.
        // reader (linear, K 8, inputs 256 + 4): w [8, 78] = 624; ff0 [50, 268] + 50 = 13450;
        //   gru 100 on 50: [300, 50] + [300, 100] + 600 = 45600; ff1 [50, 100] + 50 = 5050.
        // memory (fast-gaussian, K 8, F 16): 2 x ([16, 8] + 8) = 272; gru 16 on 8: [48, 8] + [48, 16] + 96 = 1248.
        // writer (fast-softmax, K 4, F 12): w [12, 78 x 4] + b [312] = 4056; ff [12, 4] + 12 = 60;
        //   next [256, 12] + 256 = 3328; aux [3, 12] + 3 = 39.
        const long Expected = (624 + 13450 + 45600 + 5050) + (272 + 1248) + (4056 + 60 + 3328 + 39);
        Assert.Equal(Expected, layout.ParameterCount);
        Assert.Equal(78, layout.CenterSize);
        Assert.Equal(2, layout.Substeps);
        Assert.Null(layout.Namespace);
        Assert.Equal([new InputLayout("text", "Text", InputKind.Tokens, 256), new InputLayout("position", "Position", InputKind.Dense, 4)], layout.Inputs);

        var (reader, memory, writer) = (layout.Modules[0], layout.Modules[1], layout.Modules[2]);
        Assert.Equal(["ff0", "gru", "ff1"], reader.Layers.Select(l => l.Name));
        Assert.Equal([(268, 50), (50, 100), (100, 50)], reader.Layers.Select(l => (l.InputSize, l.OutputSize)));
        Assert.Equal([Activation.Tanh, Activation.None, Activation.None], reader.Layers.Select(l => l.Activation));
        Assert.Equal((ReadingMechanism.Linear, 8, 260), (reader.Reading, reader.ContextSize, reader.InputWidth));
        Assert.Equal((ReadingMechanism.FastGaussian, 50, 16), (memory.Reading, memory.CenterOffset, memory.FeatureSize));
        Assert.Equal((ReadingMechanism.FastSoftmax, 66, 4), (writer.Reading, writer.CenterOffset, writer.ContextSize));
        Assert.Equal(
            [
                new OutputLayout("next", "Next", "writer.next", 256, LossKind.CrossEntropy, OutputTiming.Every, 1.0),
                new OutputLayout("aux", "Aux", "writer.aux", 3, LossKind.CrossEntropy, OutputTiming.Last, 0.5),
            ],
            writer.Outputs);
        Assert.Equal(
            ["memory.read.w_mean [16, 8]", "memory.read.b_mean [8]", "memory.read.w_scale [16, 8]", "memory.read.b_scale [8]"],
            layout.Parameters.Where(p => p.Name.StartsWith("memory.read.", StringComparison.Ordinal)).Select(p => p.ToString()));
        Assert.Equal(
            ["writer.read.w [12, 312]", "writer.read.b [312]"],
            layout.Parameters.Where(p => p.Name.StartsWith("writer.read.", StringComparison.Ordinal)).Select(p => p.ToString()));
        Assert.Equal(
            ["reader.ff0.weight", "reader.ff0.bias", "reader.gru.weight_ih", "reader.gru.weight_hh", "reader.gru.bias_ih", "reader.gru.bias_hh", "reader.ff1.weight", "reader.ff1.bias"],
            layout.Parameters.Where(p => p.Name.StartsWith("reader.", StringComparison.Ordinal) && !p.Name.StartsWith("reader.read", StringComparison.Ordinal)).Select(p => p.Name));
    }

    [Fact]
    public void Design_example_with_its_sums_fixed_lays_out()
    {
        var yaml = FileText("Design.thalnet.yaml").Replace("center: 128", "center: 144", StringComparison.Ordinal).Replace("budget: 50000", "budget: 53646", StringComparison.Ordinal);

        var layout = Layout(yaml);

        // C = 144: weight-norm readers [32, 144] + 1 = 4609 each; side2's gru 48 on 32:
        // [144, 32] + [144, 48] + 288 = 11808. vision 4609 + 1952 + 6336, side1 4609 + 1056 + 6336,
        // side2 4609 + 11808, decision 4609 + 1056 + 6336 + 330.
        Assert.Equal(12897L + 12001 + 16417 + 12331, layout.ParameterCount);
        Assert.Equal([32, 32, 48, 32], layout.Modules.Select(m => m.FeatureSize));
        Assert.Equal("ThalNet.Examples.SequentialMnist", layout.Namespace);
    }

    [Fact]
    public void Unique_layer_kinds_are_named_by_kind_repeated_ones_by_index()
    {
        Assert.Equal(["ff0", "gru", "ff1"], ParameterNames.Layers([LayerKind.FeedForward, LayerKind.Gru, LayerKind.FeedForward]));
        Assert.Equal(["gru0", "gru1"], ParameterNames.Layers([LayerKind.Gru, LayerKind.Gru]));
        Assert.Equal(["ff"], ParameterNames.Layers([LayerKind.FeedForward]));
    }

    [Fact]
    public void Warnings_do_not_block_the_layout()
    {
        var compiled = SpecCompiler.FromYaml(FilePath, FileText("SequentialMnist.thalnet.yaml").Replace("  pixels: 28", "  pixels: 28\n  unused: 3", StringComparison.Ordinal));

        Assert.Equal("THAL0010", Assert.Single(compiled.Diagnostics).Id);
        Assert.NotNull(compiled.Layout);
    }
}
