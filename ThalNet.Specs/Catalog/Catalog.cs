using System.Collections.Generic;

namespace ThalNet.Specs;

/// <summary>
/// The one owner of everything said about a reading mechanism, a layer kind, an activation and a loss: spec word,
/// description, parameters (names, shapes, initialisation) and implementing type per backend. The spec words,
/// the validator, shape inference, the generator's emitters, the documentation and the runtimes read from here.
/// A lookup of a kind without an entry throws, so a new enum value without an entry fails loudly (in the
/// generator as THAL0034) instead of falling into another kind's arm.
/// </summary>
public static class Catalog
{
    /// <summary>Every reading mechanism, one entry per <see cref="ReadingMechanism"/> value.</summary>
    public static IReadOnlyList<ReadingEntry> Readings { get; } = ReadingEntries.All;

    /// <summary>Every layer kind, one entry per <see cref="LayerKind"/> value.</summary>
    public static IReadOnlyList<LayerEntry> Layers { get; } = LayerEntries.All;

    /// <summary>Every activation of <c>ff</c> layers, one entry per <see cref="Activation"/> value.</summary>
    public static IReadOnlyList<ActivationEntry> Activations { get; } = ActivationEntries.All;

    /// <summary>Every loss of an output head, one entry per <see cref="LossKind"/> value.</summary>
    public static IReadOnlyList<LossEntry> Losses { get; } = LossEntries.All;

    /// <summary>The output heads, <c>Linear</c> on every backend.</summary>
    public static HeadEntry Head { get; } = new(
        [
            CatalogParameter<HeadSizes>.Uniform("weight", "[S, F]", s => [s.Output, s.Features], s => s.Features, "F"),
            CatalogParameter<HeadSizes>.Uniform("bias", "[S]", s => [s.Output], s => s.Features, "F"),
        ],
        BackendTypes.Nn("Linear"));

    /// <exception cref="InvalidOperationException">No entry for <paramref name="kind"/>.</exception>
    public static ReadingEntry Reading(ReadingMechanism kind) => Find(Readings, e => e.Kind == kind, "reading mechanism", kind);

    /// <exception cref="InvalidOperationException">No entry for <paramref name="kind"/>.</exception>
    public static LayerEntry Layer(LayerKind kind) => Find(Layers, e => e.Kind == kind, "layer kind", kind);

    /// <exception cref="InvalidOperationException">No entry for <paramref name="kind"/>.</exception>
    public static ActivationEntry Activation(Activation kind) => Find(Activations, e => e.Kind == kind, "activation", kind);

    /// <exception cref="InvalidOperationException">No entry for <paramref name="kind"/>.</exception>
    public static LossEntry Loss(LossKind kind) => Find(Losses, e => e.Kind == kind, "loss", kind);

    private static T Find<T, TKind>(IReadOnlyList<T> entries, Func<T, bool> match, string noun, TKind kind)
    {
        foreach (var entry in entries)
        {
            if (match(entry))
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"The catalog has no {noun} '{kind}': add its entry in ThalNet.Specs/Catalog (see docs/extending.md).");
    }
}
