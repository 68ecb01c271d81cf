using ThalNet.Specs;

namespace ThalNet.TorchSharp.Tests.Parity;

/// <summary>
/// The random shapes every catalog entry is compared on, drawn per entry and case from a fixed seed: the first case
/// has batch 1, sizes are odd (1 to 25, so the engine's vector tails and the single-column paths are crossed).
/// </summary>
internal static class ParityShapes
{
    public const int CasesPerEntry = 4;

    /// <summary>A batch size and sizes for one case.</summary>
    public static (int Batch, Func<int> Size) Case(int entrySeed, int index)
    {
        var random = new Random((entrySeed * 7919) + index);
        var batch = index == 0 ? 1 : random.Next(2, 6);
        return (batch, () => (random.Next(0, 13) * 2) + 1);
    }

    public static TheoryData<TKind, int> Cases<TKind>(IEnumerable<TKind> kinds)
    {
        var data = new TheoryData<TKind, int>();
        foreach (var kind in kinds)
        {
            for (var i = 0; i < CasesPerEntry; i++)
            {
                data.Add(kind, i);
            }
        }

        return data;
    }

    /// <summary>Every layer kind with every activation it may take (one "none" for the kinds that take none).</summary>
    public static IEnumerable<(LayerKind Kind, Activation Activation)> LayerVariants() =>
        Catalog.Layers.SelectMany(e => e.TakesActivation
            ? Catalog.Activations.Select(a => (e.Kind, a.Kind))
            : [(e.Kind, Activation.None)]);
}
