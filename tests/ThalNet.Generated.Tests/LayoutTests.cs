using ThalNet.Runtime.Nn;
using ThalNet.Specs;

namespace ThalNet.Generated.Tests;

/// <summary>The generated classes agree with the spec's layout and with what the runtime counts.</summary>
public sealed class LayoutTests
{
    [Theory]
    [MemberData(nameof(GeneratedModels.Names), MemberType = typeof(GeneratedModels))]
    public void ParameterCount_constant_is_what_the_runtime_counts(string name)
    {
        var (_, create, constant) = GeneratedModels.Cases[name];

        Module model = create(new RandomSource(7));

        Assert.Equal(model.ParameterCount(), constant);
    }

    [Theory]
    [MemberData(nameof(GeneratedModels.Names), MemberType = typeof(GeneratedModels))]
    public void Parameters_are_registered_with_the_layout_names_shapes_and_order(string name)
    {
        var (spec, create, _) = GeneratedModels.Cases[name];
        var layout = SpecCompiler.FromYaml(spec, GeneratedModels.SpecText(spec)).Layout!;

        var parameters = create(new RandomSource(7)).NamedParameters();

        Assert.Equal(layout.Parameters.Select(p => p.Name), parameters.Select(p => p.Key));
        Assert.Equal(layout.Parameters.Select(p => string.Join("x", p.Shape)), parameters.Select(p => Dimensions(p.Value.Shape)));
        Assert.Equal(layout.ParameterCount, parameters.Sum(p => (long)p.Value.Length));
    }

    [Theory]
    [MemberData(nameof(GeneratedModels.Names), MemberType = typeof(GeneratedModels))]
    public void Info_describes_the_layout(string name)
    {
        var (spec, create, _) = GeneratedModels.Cases[name];
        var layout = SpecCompiler.FromYaml(spec, GeneratedModels.SpecText(spec)).Layout!;

        var info = create(new RandomSource(7)).Info;

        Assert.Equal(layout.CenterSize, info.CenterSize);
        Assert.Equal(layout.Substeps, info.Substeps);
        Assert.Equal(layout.Inputs.Select(i => (i.Name, i.Width, i.Kind == InputKind.Tokens)), info.Inputs.Select(i => (i.Name, i.Width, i.IsTokens)));
        Assert.Equal(
            layout.Modules.Select(m => (m.Name, m.CenterOffset, m.FeatureSize, m.ContextSize, m.Reading.ToString(), string.Join(",", m.Inputs))),
            info.Modules.Select(m => (m.Name, m.Offset, m.Size, m.ContextSize, m.Reading.ToString(), string.Join(",", m.Inputs))));
        Assert.Equal(
            layout.Modules.SelectMany(m => m.Outputs.Select(o => (m.Name, o.Name, o.Size, o.At == OutputTiming.Every, (float)o.Weight))),
            info.Outputs.Select(o => (o.Module, o.Name, o.Size, o.EveryStep, o.Weight)));
    }

    private static string Dimensions(Shape shape) => string.Join("x", Enumerable.Range(0, shape.Rank).Select(i => shape[i]));

    [Fact]
    public void The_same_seed_gives_the_same_model_and_another_seed_another()
    {
        var a = StateDict.Save(new ThalNet.Examples.SequentialMnist.SequentialMnistNet(new RandomSource(3)));
        var b = StateDict.Save(new ThalNet.Examples.SequentialMnist.SequentialMnistNet(new RandomSource(3)));
        var c = StateDict.Save(new ThalNet.Examples.SequentialMnist.SequentialMnistNet(new RandomSource(4)));

        Assert.All(a.Zip(b), pair => Assert.Equal(pair.First.Value.ToArray(), pair.Second.Value.ToArray()));
        Assert.NotEqual(a[0].Value.ToArray(), c[0].Value.ToArray());
    }

    [Fact]
    public void Attribute_form_builds_the_same_model_as_the_yaml_form()
    {
        var yaml = StateDict.Save(new ThalNet.Examples.SequentialMnist.SequentialMnistNet(new RandomSource(5)));
        var attributes = StateDict.Save(new AttributeMnistNet(new RandomSource(5)));

        Assert.Equal(yaml.Select(p => p.Key), attributes.Select(p => p.Key));
        Assert.All(yaml.Zip(attributes), pair => Assert.Equal(pair.First.Value.ToArray(), pair.Second.Value.ToArray()));
    }
}
