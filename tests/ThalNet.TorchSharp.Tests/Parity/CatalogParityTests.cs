using System.Reflection;
using ThalNet.Runtime;
using ThalNet.Specs;
using ThalNet.TorchSharp.Nn;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;
using EngineModule = ThalNet.Runtime.Nn.Module;
using EngineTensor = ThalNet.Runtime.Tensor;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Parity;

/// <summary>
/// Every catalog entry (reading mechanism, layer kind with each activation it takes, activation, loss, the output
/// head) on the engine against TorchSharp, each on <see cref="ParityShapes.CasesPerEntry"/> random shapes drawn
/// here (batch 1, odd sizes): both built from the types the entry names, the TorchSharp one given the engine's
/// initial weights; the output and every gradient within <see cref="ParityCheck.Tolerance"/>. A wrong arm on either
/// backend fails here even where no PyTorch vector covers it.
/// </summary>
public sealed class CatalogParityTests
{
    public static TheoryData<ReadingMechanism, int> Readings => ParityShapes.Cases(Catalog.Readings.Select(e => e.Kind));

    public static TheoryData<LayerKind, Activation, int> Layers
    {
        get
        {
            var data = new TheoryData<LayerKind, Activation, int>();
            foreach (var (kind, activation) in ParityShapes.LayerVariants())
            {
                for (var i = 0; i < ParityShapes.CasesPerEntry; i++)
                {
                    data.Add(kind, activation, i);
                }
            }

            return data;
        }
    }

    public static TheoryData<Activation, int> Activations => ParityShapes.Cases(Catalog.Activations.Select(e => e.Kind));

    public static TheoryData<LossKind, int> Losses => ParityShapes.Cases(Catalog.Losses.Select(e => e.Kind));

    public static TheoryData<int> HeadCases => new(Enumerable.Range(0, ParityShapes.CasesPerEntry));

    [Theory]
    [MemberData(nameof(Readings))]
    public void Reader_matches_on_both_backends(ReadingMechanism kind, int index)
    {
        var entry = Catalog.Reading(kind);
        var (batch, size) = ParityShapes.Case(100 + (int)kind, index);
        var sizes = new ReaderSizes(Center: size(), Context: size(), Features: size());
        var engine = CatalogModules.EngineReader(kind, sizes, seed: index + 1);
        using var torchReader = CatalogModules.TorchReader(kind, sizes);
        var check = new ParityCheck(index);
        check.Input("center", 1f, batch, sizes.Center);
        check.Input("features", 1f, batch, sizes.Features);

        check.Run(
            $"{entry.Word} C{sizes.Center} K{sizes.Context} F{sizes.Features} B{batch}",
            tape => engine.Read(tape, check.Engine["center"], check.Engine["features"]),
            () => torchReader.call(check.Torch["center"], check.Torch["features"]),
            SharedParameters(engine, torchReader),
            entry.ReadsOwnFeatures ? ["center", "features"] : ["center"]);
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_matches_on_both_backends(LayerKind kind, Activation activation, int index)
    {
        var entry = Catalog.Layer(kind);
        var (batch, size) = ParityShapes.Case(200 + (10 * (int)kind) + (int)activation, index);
        var sizes = new LayerSizes(Input: size(), Output: size());
        var engine = CatalogModules.EngineLayer(kind, sizes, activation, seed: index + 1);
        using var torchLayer = CatalogModules.TorchLayer(kind, sizes, activation);
        var check = new ParityCheck(index);
        check.Input("x", 1.5f, batch, sizes.Input);
        string[] inputs = entry.Recurrence switch
        {
            Recurrence.None => ["x"],
            Recurrence.Hidden => ["x", "h"],
            _ => ["x", "h", "c"],
        };
        foreach (var state in inputs.Skip(1))
        {
            check.Input(state, 1f, batch, sizes.Output);
        }

        check.Run(
            $"{entry.Word} {SpecWords.Activation.Word(activation)} I{sizes.Input} H{sizes.Output} B{batch}",
            tape => EngineLayerForward(engine, entry.Recurrence, tape, check.Engine),
            () => TorchLayerForward(torchLayer, entry.Recurrence, check.Torch),
            SharedParameters(engine, torchLayer),
            inputs);
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Activation_matches_on_both_backends(Activation kind, int index)
    {
        var (batch, size) = ParityShapes.Case(300 + (int)kind, index);
        var width = size();
        var check = new ParityCheck(index);
        check.Input("x", 6f, batch, width);

        check.Run(
            $"{SpecWords.Activation.Word(kind)} [{batch}, {width}]",
            tape => tape.Activate(check.Engine["x"], kind),
            () => TorchActivations.For(kind).Apply(check.Torch["x"]),
            [],
            ["x"]);
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void Loss_matches_on_both_backends(LossKind kind, int index)
    {
        var entry = Catalog.Loss(kind);
        var (batch, size) = ParityShapes.Case(400 + (int)kind, index);
        var width = size() + 1;
        var check = new ParityCheck(index);
        check.Input("values", 3f, batch, width);
        var engineMethod = typeof(Tape).GetMethods().Single(m => m.Name == entry.Method && m.ReturnType == typeof(EngineTensor));
        var torchMethod = CatalogModules.Type(entry.Types, Backend.TorchSharp).GetMethod(entry.Method, BindingFlags.Public | BindingFlags.Static)!;
        object engineTargets;
        TorchTensor torchTargets;
        if (entry.Targets == TargetKind.ClassIndices)
        {
            var random = new Random(index);
            var classes = Enumerable.Range(0, batch).Select(_ => random.Next(width)).ToArray();
            engineTargets = classes;
            torchTargets = torch.tensor(classes.Select(c => (long)c).ToArray());
        }
        else
        {
            check.Input("targets", 2f, batch, width);
            engineTargets = check.Engine["targets"];
            torchTargets = check.Torch["targets"].detach();
        }

        check.RunLoss(
            $"{entry.Word} [{batch}, {width}]",
            tape => EngineLoss(tape, engineMethod, check.Engine["values"], engineTargets),
            () => (TorchTensor)torchMethod.Invoke(null, [check.Torch["values"], torchTargets])!,
            "values");
    }

    [Theory]
    [MemberData(nameof(HeadCases))]
    public void Output_head_matches_on_both_backends(int index)
    {
        var (batch, size) = ParityShapes.Case(500, index);
        var sizes = new HeadSizes(Features: size(), Output: size());
        var engine = new Runtime.Nn.Linear(sizes.Features, sizes.Output, new RandomSource((ulong)index + 1));
        using var torchHead = (torch.nn.Module<TorchTensor, TorchTensor>)CatalogModules.Type(Catalog.Head.Types, Backend.TorchSharp)
            .GetConstructor([typeof(int), typeof(int)])!.Invoke([sizes.Features, sizes.Output]);
        var check = new ParityCheck(index);
        check.Input("features", 1f, batch, sizes.Features);

        check.Run(
            $"head F{sizes.Features} S{sizes.Output} B{batch}",
            tape => engine.Forward(tape, check.Engine["features"]),
            () => torchHead.call(check.Torch["features"]),
            SharedParameters(engine, torchHead),
            ["features"]);
    }

    /// <summary>
    /// The engine's loss through the Tape method the entry names; class indices go as a span, which reflection cannot
    /// pass, so that one call is written out (and a new class-index loss fails here until it is).
    /// </summary>
    private static EngineTensor EngineLoss(Tape tape, MethodInfo method, EngineTensor values, object targets) => targets switch
    {
        int[] classes when method.Name == nameof(Tape.CrossEntropy) => tape.CrossEntropy(values, classes),
        EngineTensor dense => (EngineTensor)method.Invoke(tape, [values, dense, 1f])!,
        _ => throw new Xunit.Sdk.XunitException($"No engine call written for class-index loss Tape.{method.Name}."),
    };

    /// <summary>Copies the engine module's initial weights into the TorchSharp one (same names, same order) and pairs them for the gradient check.</summary>
    private static List<(string, EngineTensor, TorchTensor)> SharedParameters(EngineModule engine, torch.nn.Module torchModule)
    {
        var torchParameters = torchModule.named_parameters().ToDictionary(p => p.name, p => (TorchTensor)p.parameter);
        var engineParameters = engine.NamedParameters();
        Assert.Equal(engineParameters.Select(p => p.Key), torchParameters.Keys);
        foreach (var (name, value) in engineParameters)
        {
            Torch.Assign(torchParameters[name], value);
        }

        return [.. engineParameters.Select(p => (p.Key, (EngineTensor)p.Value, torchParameters[p.Key]))];
    }

    private static EngineTensor EngineLayerForward(EngineModule layer, Recurrence recurrence, Tape tape, IReadOnlyDictionary<string, EngineTensor> t)
    {
        Type[] signature = recurrence switch
        {
            Recurrence.None => [typeof(Tape), typeof(EngineTensor)],
            Recurrence.Hidden => [typeof(Tape), typeof(EngineTensor), typeof(EngineTensor)],
            _ => [typeof(Tape), typeof(EngineTensor), typeof(EngineTensor), typeof(EngineTensor).MakeByRefType()],
        };
        var forward = layer.GetType().GetMethod("Forward", signature)
            ?? throw new Xunit.Sdk.XunitException($"{layer.GetType()} has no public Forward for recurrence {recurrence}.");
        object[] arguments = recurrence switch
        {
            Recurrence.None => [tape, t["x"]],
            Recurrence.Hidden => [tape, t["x"], t["h"]],
            _ => [tape, t["x"], t["h"], t["c"]],
        };
        var output = (EngineTensor)forward.Invoke(layer, arguments)!;
        return recurrence == Recurrence.HiddenAndCell ? tape.Concat(1, output, (EngineTensor)arguments[3]) : output;
    }

    private static TorchTensor TorchLayerForward(torch.nn.Module layer, Recurrence recurrence, IReadOnlyDictionary<string, TorchTensor> t) => recurrence switch
    {
        Recurrence.None => ((torch.nn.Module<TorchTensor, TorchTensor>)layer).call(t["x"]),
        Recurrence.Hidden => ((torch.nn.Module<TorchTensor, TorchTensor, TorchTensor>)layer).call(t["x"], t["h"]),
        _ => CatHiddenAndCell(((torch.nn.Module<TorchTensor, TorchTensor, TorchTensor, (TorchTensor, TorchTensor)>)layer).call(t["x"], t["h"], t["c"])),
    };

    private static TorchTensor CatHiddenAndCell((TorchTensor Hidden, TorchTensor Cell) state) => torch.cat([state.Hidden, state.Cell], 1);
}
