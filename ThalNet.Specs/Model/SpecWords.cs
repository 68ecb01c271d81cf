using System.Globalization;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>The words of the spec language for each enum, shared by the YAML and attribute forms; the catalog's kinds take theirs from <see cref="Catalog"/>.</summary>
public static class SpecWords
{
    public static WordTable<ReadingMechanism> Reading { get; } = new(
        "reading mechanism",
        SpecDiagnostics.UnknownReading,
        Catalog.Readings.Select(e => (e.Word, e.Kind)).ToArray());

    public static WordTable<ModuleRole> Role { get; } = new(
        "role",
        SpecDiagnostics.UnknownRole,
        ("input", ModuleRole.Input),
        ("side", ModuleRole.Side),
        ("output", ModuleRole.Output));

    public static WordTable<LayerKind> LayerKind { get; } = new(
        "layer kind",
        null,
        Catalog.Layers.Select(e => (e.Word, e.Kind)).ToArray());

    public static WordTable<Activation> Activation { get; } = new(
        "activation",
        SpecDiagnostics.UnknownActivation,
        Catalog.Activations.Select(e => (e.Word, e.Kind)).ToArray());

    public static WordTable<LossKind> Loss { get; } = new(
        "loss",
        SpecDiagnostics.UnknownLossOrTiming,
        Catalog.Losses.Select(e => (e.Word, e.Kind)).ToArray());

    public static WordTable<OutputTiming> At { get; } = new(
        "output timing",
        SpecDiagnostics.UnknownLossOrTiming,
        ("last", OutputTiming.Last),
        ("every", OutputTiming.Every));

    /// <summary>The word for a layer size solved from the budget: <c>ff auto relu</c>.</summary>
    public const string AutoSize = "auto";

    /// <summary>The layer as it is written in a spec: <c>ff 32 relu</c>, <c>gru 32</c>, <c>gru auto</c>.</summary>
    public static string Format(LayerSpec layer)
    {
        var size = layer.IsAuto ? AutoSize : layer.Size.Value.ToString(CultureInfo.InvariantCulture);
        var text = LayerKind.Word(layer.Kind.Value) + " " + size;
        return layer.Activation is { } activation ? text + " " + Activation.Word(activation.Value) : text;
    }
}
