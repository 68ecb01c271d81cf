using ThalNet.Runtime;
using ThalNet.Specs;
using TorchSharp;
using TorchReaderBase = ThalNet.TorchSharp.Nn.Reader;

namespace ThalNet.TorchSharp.Tests.Infrastructure;

/// <summary>
/// Builds a catalog entry's implementation on either backend from the type the entry names, with the constructor
/// arguments the catalog implies (a reader's C, K and, when it reads its own features, F; a reader of module slices
/// its slices, module index and K; a layer's I, H and, when
/// it takes one, the activation; the engine's adds a RandomSource). A new entry is found here without a test edit.
/// </summary>
internal static class CatalogModules
{
    /// <summary>The TorchSharp reader of <paramref name="kind"/>.</summary>
    public static TorchReaderBase TorchReader(ReadingMechanism kind, ReaderSizes sizes) =>
        (TorchReaderBase)Create(Catalog.Reading(kind).Types, Backend.TorchSharp, ReaderArguments(kind, sizes));

    /// <summary>The engine reader of <paramref name="kind"/>.</summary>
    public static Runtime.Nn.Reader EngineReader(ReadingMechanism kind, ReaderSizes sizes, int seed) =>
        (Runtime.Nn.Reader)Create(Catalog.Reading(kind).Types, Backend.Engine, [.. ReaderArguments(kind, sizes), new RandomSource((ulong)seed)]);

    /// <summary>The TorchSharp layer of <paramref name="kind"/> (with <paramref name="activation"/> when it takes one).</summary>
    public static torch.nn.Module TorchLayer(LayerKind kind, LayerSizes sizes, Activation activation) =>
        (torch.nn.Module)Create(Catalog.Layer(kind).Types, Backend.TorchSharp, LayerArguments(kind, sizes, activation));

    /// <summary>The engine layer of <paramref name="kind"/> (with <paramref name="activation"/> when it takes one).</summary>
    public static Runtime.Nn.Module EngineLayer(LayerKind kind, LayerSizes sizes, Activation activation, int seed) =>
        (Runtime.Nn.Module)Create(Catalog.Layer(kind).Types, Backend.Engine, [.. LayerArguments(kind, sizes, activation), new RandomSource((ulong)seed)]);

    /// <summary>The catalog entry whose spec word is <paramref name="word"/> (the fixtures write <c>weight_norm</c> for <c>weight-norm</c>).</summary>
    public static ReadingMechanism ReadingByWord(string word) =>
        Catalog.Readings.SingleOrDefault(e => e.Word == word.Replace('_', '-'))?.Kind
            ?? throw new InvalidOperationException($"The catalog has no reading mechanism '{word}'.");

    private static object[] ReaderArguments(ReadingMechanism kind, ReaderSizes sizes)
    {
        var entry = Catalog.Reading(kind);
        if (entry.ReadsModuleSlices)
        {
            // The center split into two module slices (one when C is 1), read by the last: its slice starts inside the center.
            var first = Math.Clamp(sizes.Features, 1, Math.Max(1, sizes.Center - 1));
            int[] slices = sizes.Center == 1 ? [1] : [first, sizes.Center - first];
            return [slices, slices.Length - 1, sizes.Context];
        }

        return entry.ReadsOwnFeatures ? [sizes.Center, sizes.Context, sizes.Features] : [sizes.Center, sizes.Context];
    }

    private static object[] LayerArguments(LayerKind kind, LayerSizes sizes, Activation activation) =>
        Catalog.Layer(kind).TakesActivation ? [sizes.Input, sizes.Output, activation] : [sizes.Input, sizes.Output];

    private static object Create(BackendTypes types, Backend backend, object[] arguments)
    {
        var type = Type(types, backend);
        var constructor = type.GetConstructors().SingleOrDefault(c => c.GetParameters().Length == arguments.Length)
            ?? throw new InvalidOperationException($"{type} has no public constructor of {arguments.Length} arguments.");
        return constructor.Invoke(arguments);
    }

    /// <summary>The type a catalog entry names on <paramref name="backend"/>, in that backend's assembly.</summary>
    public static Type Type(BackendTypes types, Backend backend)
    {
        var assembly = backend == Backend.Engine ? typeof(Tape).Assembly : typeof(ThalNet.TorchSharp.Models.TorchThalNetModel).Assembly;
        return assembly.GetType(types.MetadataName(backend))
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no type {types.For(backend)}.");
    }
}
