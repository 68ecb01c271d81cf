using ThalNet.Runtime.Kernels;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Catalog;

/// <summary>
/// Every catalog entry against the engine: its type exists, built for some sizes its module registers exactly the
/// catalog's parameter names and shapes, in order, initialised as the catalog says; every activation is the kernel class the catalog names (its contract: ActivationContractTests), every loss runs.
/// </summary>
public class EngineCatalogTests
{
    private static readonly ReaderSizes ReaderCase = new(Center: 7, Context: 3, Features: 5);
    private static readonly LayerSizes LayerCase = new(Input: 6, Output: 4);

    public static TheoryData<ReadingMechanism> Readings => new(Specs.Catalog.Readings.Select(e => e.Kind));

    public static TheoryData<LayerKind> Layers => new(Specs.Catalog.Layers.Select(e => e.Kind));

    public static TheoryData<Activation> Activations => new(Specs.Catalog.Activations.Select(e => e.Kind));

    public static TheoryData<LossKind> Losses => new(Specs.Catalog.Losses.Select(e => e.Kind));

    [Theory]
    [MemberData(nameof(Readings))]
    public void Reader_module_has_the_catalog_parameters(ReadingMechanism kind)
    {
        var entry = Specs.Catalog.Reading(kind);
        object[] sizes = entry.ReadsOwnFeatures
            ? [ReaderCase.Center, ReaderCase.Context, ReaderCase.Features]
            : [ReaderCase.Center, ReaderCase.Context];

        // A reader of module slices reads the slices [F, C - F] as module 0.
        var module = entry.ReadsModuleSlices
            ? Create<Reader>(entry.Types, [new[] { ReaderCase.Features, ReaderCase.Center - ReaderCase.Features }, 0, ReaderCase.Context])
            : Create<Reader>(entry.Types, sizes);

        AssertParameters(entry.Parameters, ReaderCase, module);
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_module_has_the_catalog_parameters(LayerKind kind)
    {
        var entry = Specs.Catalog.Layer(kind);
        object[] sizes = entry.TakesActivation ? [LayerCase.Input, LayerCase.Output, Activation.Tanh] : [LayerCase.Input, LayerCase.Output];

        var module = Create<Module>(entry.Types, sizes);

        AssertParameters(entry.Parameters, LayerCase, module);
    }

    [Fact]
    public void Head_module_has_the_catalog_parameters()
    {
        var sizes = new HeadSizes(Features: 5, Output: 3);

        var module = Create<Linear>(Specs.Catalog.Head.Types, [sizes.Features, sizes.Output, true]);

        AssertParameters(Specs.Catalog.Head.Parameters, sizes, module);
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Activation_is_the_kernel_class_the_catalog_names_and_the_feed_forward_layer_applies_it(Activation kind)
    {
        var type = EngineType(Specs.Catalog.Activation(kind).Types);
        Assert.True(typeof(ActivationFunction).IsAssignableFrom(type), $"{type} is not an {nameof(ActivationFunction)}");
        Assert.IsType(type, ActivationFunctions.For(kind));
        var layer = new FeedForward(3, 3, kind, new RandomSource(1));
        layer.Weight.Data.Clear();
        for (var i = 0; i < 3; i++)
        {
            layer.Weight.Data[(i * 3) + i] = 1f;
        }

        layer.Bias!.Data.Clear();
        float[] x = [0.5f, -1f, 2f];
        var expected = new float[3];
        ActivationFunctions.For(kind).Forward(x, expected);

        var y = layer.Forward(new Tape(), Tensor.FromSpan(x, Shape.Of(1, 3)));

        Assert.Equal(kind, layer.Activation);
        Assert.Equal(expected, y.ToArray());
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void Loss_is_the_tape_operation_the_catalog_names_and_runs_on_a_batch(LossKind kind)
    {
        var entry = Specs.Catalog.Loss(kind);
        var type = EngineType(entry.Types);
        Assert.Contains(type.GetMethods(), m => m.Name == entry.Method && m.ReturnType == typeof(Tensor));
        var info = new ModelInfo("M", 2, 1, [new InputInfo("x", 1, false)], [], [new OutputInfo("m", "y", 3, kind, false, 1f)]);
        var batch = new SequenceBatch(info, steps: 1, batch: 2);
        Assert.Equal(entry.Targets == TargetKind.Dense, batch.DenseTargets[0] is not null);
        var tape = new Tape();
        var values = Tensor.FromSpan([0.1f, 0.2f, 0.3f, -0.1f, 0.4f, 0f], Shape.Of(2, 3), requiresGrad: true);

        var loss = OutputLoss.Compute(tape, kind, values, batch, 0, 1f);
        tape.Backward(loss);

        Assert.True(loss.Item() > 0f);
        Assert.Contains(values.Grad.ToArray(), g => g != 0f);
    }

    private static T Create<T>(BackendTypes types, object[] sizes)
        where T : Module
    {
        var type = EngineType(types);
        object[] arguments = [.. sizes.Take(2), .. sizes.Skip(2).Where(a => a is not bool), new RandomSource(11), .. sizes.Where(a => a is bool)];
        var constructor = type.GetConstructors().Single(c => c.GetParameters().Length == arguments.Length);
        return Assert.IsAssignableFrom<T>(constructor.Invoke(arguments));
    }

    private static Type EngineType(BackendTypes types)
    {
        var name = types.For(Backend.Engine);
        Assert.StartsWith("global::", name, StringComparison.Ordinal);
        return typeof(Tape).Assembly.GetType(types.MetadataName(Backend.Engine)) ?? throw new Xunit.Sdk.XunitException($"The engine has no type {name}.");
    }

    private static void AssertParameters<TSizes>(IReadOnlyList<CatalogParameter<TSizes>> expected, TSizes sizes, Module module)
    {
        var actual = module.NamedParameters();
        Assert.Equal(
            expected.Select(p => $"{p.Name} [{string.Join(", ", p.Shape(sizes))}]"),
            actual.Select(p => $"{p.Key} {p.Value.Shape}"));
        var byName = actual.ToDictionary(p => p.Key, p => p.Value);
        foreach (var p in expected)
        {
            var values = byName[p.Name].ToArray();
            switch (p.Init)
            {
                case InitKind.UniformFanIn:
                    var bound = 1f / MathF.Sqrt(p.FanIn!(sizes));
                    Assert.All(values, v => Assert.InRange(v, -bound, bound));
                    Assert.True(values.Length < 4 || values.Distinct().Count() > values.Length / 2, $"{p.Name} does not look drawn at random");
                    break;
                case InitKind.NormOf:
                    var norm = MathF.Sqrt(byName[p.NormOf!].ToArray().Sum(v => v * v));
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
