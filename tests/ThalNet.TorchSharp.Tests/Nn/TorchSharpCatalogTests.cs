using System.Reflection;
using ThalNet.Specs;
using ThalNet.TorchSharp.Nn;
using TorchSharp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Nn;

/// <summary>
/// The TorchSharp half of the catalog check (the engine's is ThalNet.Runtime.Tests' EngineCatalogTests): every entry
/// names a TorchSharp type that exists, built for some sizes its module registers exactly the catalog's parameter
/// names and shapes, in order, initialised as the catalog says; every activation is the catalog's TorchActivation (its values: ActivationParityTests), every loss runs.
/// </summary>
public sealed class TorchSharpCatalogTests
{
    private static readonly ReaderSizes ReaderCase = new(Center: 7, Context: 3, Features: 5);
    private static readonly LayerSizes LayerCase = new(Input: 6, Output: 4);

    public static TheoryData<ReadingMechanism> Readings => new(Catalog.Readings.Select(e => e.Kind));

    public static TheoryData<LayerKind> Layers => new(Catalog.Layers.Select(e => e.Kind));

    public static TheoryData<Activation> Activations => new(Catalog.Activations.Select(e => e.Kind));

    public static TheoryData<LossKind> Losses => new(Catalog.Losses.Select(e => e.Kind));

    [Theory]
    [MemberData(nameof(Readings))]
    public void Reader_module_has_the_catalog_parameters(ReadingMechanism kind)
    {
        var entry = Catalog.Reading(kind);
        object[] sizes = entry.ReadsOwnFeatures
            ? [ReaderCase.Center, ReaderCase.Context, ReaderCase.Features]
            : [ReaderCase.Center, ReaderCase.Context];

        // A reader of module slices reads the slices [F, C - F] as module 0.
        using var module = entry.ReadsModuleSlices
            ? Create(entry.Types, [new[] { ReaderCase.Features, ReaderCase.Center - ReaderCase.Features }, 0, ReaderCase.Context])
            : Create(entry.Types, sizes);

        AssertParameters(entry.Parameters, ReaderCase, module);
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_module_has_the_catalog_parameters(LayerKind kind)
    {
        var entry = Catalog.Layer(kind);
        object[] sizes = entry.TakesActivation ? [LayerCase.Input, LayerCase.Output, Activation.Tanh] : [LayerCase.Input, LayerCase.Output];

        using var module = Create(entry.Types, sizes);

        AssertParameters(entry.Parameters, LayerCase, module);
    }

    [Fact]
    public void Head_module_has_the_catalog_parameters()
    {
        var sizes = new HeadSizes(Features: 5, Output: 3);

        using var module = Create(Catalog.Head.Types, [sizes.Features, sizes.Output]);

        AssertParameters(Catalog.Head.Parameters, sizes, module);
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Activation_is_the_type_the_catalog_names_and_the_feed_forward_layer_applies_it(Activation kind)
    {
        var type = TorchType(Catalog.Activation(kind).Types);
        Assert.True(typeof(TorchActivation).IsAssignableFrom(type), $"{type} is not a {nameof(TorchActivation)}");
        Assert.IsType(type, TorchActivations.For(kind));
        using var layer = new FeedForward(3, 3, kind);
        using (torch.no_grad())
        {
            layer.Weight.copy_(torch.eye(3));
            layer.Bias.zero_();
        }

        using var x = torch.tensor(new[] { 0.5f, -1f, 2f }).reshape(1, 3);
        using var y = layer.call(x);
        using var expected = TorchActivations.For(kind).Apply(x);

        Assert.Equal(expected.data<float>().ToArray(), y.data<float>().ToArray());
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void Loss_is_the_method_the_catalog_names_and_runs(LossKind kind)
    {
        var entry = Catalog.Loss(kind);
        var method = TorchType(entry.Types).GetMethod(entry.Method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new Xunit.Sdk.XunitException($"{entry.Types.TorchSharp} has no method {entry.Method}.");
        using var values = torch.tensor(new[] { 0.1f, 0.2f, 0.3f, -0.1f, 0.4f, 0f }).reshape(2, 3).requires_grad_();
        using var targets = entry.Targets == TargetKind.Dense ? torch.zeros(2, 3) : torch.tensor(new long[] { 2, 0 });

        Assert.Equal(method, TorchLosses.For(kind).Method);
        using var loss = Assert.IsAssignableFrom<TorchTensor>(method.Invoke(null, [values, targets]));
        loss.backward();

        Assert.True(loss.item<float>() > 0f);
        Assert.Contains(values.grad!.data<float>().ToArray(), g => g != 0f);
    }

    private static torch.nn.Module Create(BackendTypes types, object[] arguments)
    {
        var type = TorchType(types);
        var constructor = type.GetConstructors().Single(c => c.GetParameters().Length == arguments.Length);
        return Assert.IsAssignableFrom<torch.nn.Module>(constructor.Invoke(arguments));
    }

    private static Type TorchType(BackendTypes types)
    {
        const string Global = "global::";
        var name = types.For(Backend.TorchSharp);
        Assert.StartsWith(Global, name, StringComparison.Ordinal);
        return typeof(ThalNet.TorchSharp.Models.TorchThalNetModel).Assembly.GetType(name[Global.Length..])
            ?? throw new Xunit.Sdk.XunitException($"ThalNet.TorchSharp has no type {name}.");
    }

    private static void AssertParameters<TSizes>(IReadOnlyList<CatalogParameter<TSizes>> expected, TSizes sizes, torch.nn.Module module)
    {
        var actual = module.named_parameters().ToList();
        Assert.Equal(
            expected.Select(p => $"{p.Name} [{string.Join(", ", p.Shape(sizes))}]"),
            actual.Select(p => $"{p.name} [{string.Join(", ", p.parameter.shape)}]"));
        var byName = actual.ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
        foreach (var p in expected)
        {
            var values = byName[p.Name];
            switch (p.Init)
            {
                case InitKind.UniformFanIn:
                    var bound = 1f / MathF.Sqrt(p.FanIn!(sizes));
                    Assert.All(values, v => Assert.InRange(v, -bound, bound));
                    Assert.True(values.Length < 4 || values.Distinct().Count() > values.Length / 2, $"{p.Name} does not look drawn at random");
                    break;
                case InitKind.NormOf:
                    var norm = MathF.Sqrt(byName[p.NormOf!].Sum(v => v * v));
                    Assert.Equal(norm, values.Single(), 4);
                    break;
                case InitKind.Computed:
                    Assert.Equal(p.StartValues!(sizes), values);
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"No check for initialisation {p.Init} of {p.Name}.");
            }
        }
    }
}
