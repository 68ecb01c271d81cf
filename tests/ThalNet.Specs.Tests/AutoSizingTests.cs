using static ThalNet.Specs.Tests.TestSpecs;

namespace ThalNet.Specs.Tests;

/// <summary>Layer sizes written <c>auto</c>, solved from the budget: the largest size that fits, in both spec forms.</summary>
public class AutoSizingTests
{
    public static TheoryData<string> DesignStudySpecs => new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "DesignStudy"), "*.thalnet.yaml").Select(Path.GetFileName).Order()!);

    [Fact]
    public void The_design_study_has_five_designs_by_four_readers()
    {
        Assert.Equal(20, DesignStudySpecs.Count);
    }

    [Theory]
    [MemberData(nameof(DesignStudySpecs))]
    public void Design_study_auto_size_is_the_largest_within_the_budget(string file)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DesignStudy", file));
        var layout = Assert.IsType<ModelLayout>(SpecCompiler.FromYaml(file, text).Layout);
        var size = Assert.IsType<int>(layout.AutoSize);

        // The same spec with the size written out: the solved size gives the same count, one more exceeds the budget.
        var written = WithSize(text, size);
        var oneMore = WithSize(text, size + 1);

        Assert.Equal(50000L, layout.Budget);
        Assert.Equal(layout.ParameterCount, written.ParameterCount);
        Assert.InRange(layout.ParameterCount, 40001, 50000);
        Assert.True(oneMore.ParameterCount > 50000, $"size {size + 1} has {oneMore.ParameterCount} parameters");
        Assert.Equal(layout.CenterSize, layout.Modules.Sum(m => m.FeatureSize));
        Assert.All(layout.Modules.SelectMany(m => m.Layers), l => Assert.Equal(size, l.OutputSize));
    }

    [Fact]
    public void Written_sizes_stay_and_every_auto_shares_one_size()
    {
        var layout = Layout(Yaml(
            "model: M",
            "inputs:",
            "  x: 4",
            "budget: 5000",
            "defaults: { context: 8, layers: [ff 7 relu, gru auto] }",
            "modules:",
            "  a: { role: input, inputs: [x] }",
            "  b:",
            "    role: output",
            "    layers: [gru auto, ff 3 tanh]",
            "    outputs:",
            "      y: { size: 2 }"));

        var size = Assert.IsType<int>(layout.AutoSize);
        Assert.Equal([7, size], layout.Modules[0].Layers.Select(l => l.OutputSize));
        Assert.Equal([size, 3], layout.Modules[1].Layers.Select(l => l.OutputSize));
        Assert.Equal(size + 3, layout.CenterSize);
        Assert.InRange(layout.ParameterCount, 1, 5000);
    }

    [Fact]
    public void A_huge_budget_is_solved_without_overflow()
    {
        var layout = Layout(Yaml(
            "model: M",
            "inputs:",
            "  x: 4",
            $"budget: {long.MaxValue}",
            "defaults: { layers: [ff auto] }",
            "modules:",
            "  a: { role: input, inputs: [x] }",
            "  b:",
            "    role: output",
            "    outputs:",
            "      y: { size: 2 }"));

        // Weight-norm readers span the center (2 x size), so the parameter count grows like size^2;
        // no single dimension may exceed 2^31-1, which bounds the size long before the budget does.
        Assert.True(layout.AutoSize > 1000);
        Assert.InRange(layout.ParameterCount, 1, long.MaxValue);
    }

    [Fact]
    public void Auto_in_both_spec_forms_gives_the_same_layout()
    {
        var yaml = SpecCompiler.FromYaml(FilePath, Yaml(
            "model: M",
            "inputs:",
            "  x: 4",
            "budget: 20000",
            "defaults: { layers: [ff auto relu, gru auto] }",
            "modules:",
            "  a: { role: input, inputs: [x] }",
            "  b:",
            "    role: output",
            "    outputs:",
            "      y: { size: 2 }"));
        var source = new AttributeSource("""
            [ThalNetModel(Budget = 20000)]
            [ThalNetInput("x", 4)]
            [ThalNetDefaults(Layers = new[] { "ff auto relu", "gru auto" })]
            [ThalNetModule("a", Role = "input", Inputs = new[] { "x" })]
            [ThalNetModule("b", Role = "output")]
            [ThalNetOutput("b", "y", 2)]
            """);
        var attributes = new ModelAttributes(
            new ModelAttributeArguments(new Located<string>("M", SourceLocation.None), null, null, null, source.Value(20000L, "20000", "Budget"), source.Find("[")),
            EquatableArray.Create(new InputAttributeArguments(source.Text("x"), source.Value(4, "4", "4"), null)),
            new DefaultsAttributeArguments(null, null, source.Texts("Layers", 0, "ff auto relu", "gru auto")),
            EquatableArray.Create(
                new ModuleAttributeArguments(source.Text("a"), source.Text("input", "Role"), source.Texts("Inputs", 0, "x"), null, null, null),
                new ModuleAttributeArguments(source.Text("b"), source.Text("output", "Role"), null, null, null, null)),
            EquatableArray.Create(new OutputAttributeArguments(source.Text("b", occurrence: 1), source.Text("y"), source.Value(2, "2", "2"), null, null, null)));

        var fromAttributes = SpecCompiler.FromAttributes(attributes);

        Assert.Empty(fromAttributes.Diagnostics);
        Assert.NotNull(yaml.Layout?.AutoSize);
        Assert.Equal(yaml.Layout, fromAttributes.Layout);
    }

    private static ModelLayout WithSize(string text, int size)
    {
        var written = text.Replace("auto", size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("budget: 50000", "budget: 1000000000", StringComparison.Ordinal);
        var layout = Layout(written);
        Assert.Null(layout.AutoSize);
        return layout;
    }
}
