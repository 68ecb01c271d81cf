using System.Globalization;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>The words of the spec language for each enum, shared by the YAML and attribute forms; the catalog's kinds take theirs from <see cref="Catalog"/>.</summary>
public static class SpecWords
{
    /// <summary>The words of <c>reading:</c> (<c>linear</c>, <c>weight-norm</c>, ...).</summary>
    public static WordTable<ReadingMechanism> Reading { get; } = new(
        "reading mechanism",
        SpecDiagnostics.UnknownReading,
        Catalog.Readings.Select(e => (e.Word, e.Kind)).ToArray());

    /// <summary>The words of <c>role:</c> (<c>input</c>, <c>side</c>, <c>output</c>).</summary>
    public static WordTable<ModuleRole> Role { get; } = new(
        "role",
        SpecDiagnostics.UnknownRole,
        ("input", ModuleRole.Input),
        ("side", ModuleRole.Side),
        ("output", ModuleRole.Output));

    /// <summary>The layer kind words at the start of a layer (<c>ff</c>, <c>gru</c>, <c>lstm</c>).</summary>
    public static WordTable<LayerKind> LayerKind { get; } = new(
        "layer kind",
        null,
        Catalog.Layers.Select(e => (e.Word, e.Kind)).ToArray());

    /// <summary>The activation words after an <c>ff</c> layer's size (<c>relu</c>, <c>tanh</c>, ...).</summary>
    public static WordTable<Activation> Activation { get; } = new(
        "activation",
        SpecDiagnostics.UnknownActivation,
        Catalog.Activations.Select(e => (e.Word, e.Kind)).ToArray());

    /// <summary>The words of <c>loss:</c> (<c>cross-entropy</c>, <c>mse</c>).</summary>
    public static WordTable<LossKind> Loss { get; } = new(
        "loss",
        SpecDiagnostics.UnknownLossOrTiming,
        Catalog.Losses.Select(e => (e.Word, e.Kind)).ToArray());

    /// <summary>The words of <c>at:</c> (<c>last</c>, <c>every</c>).</summary>
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
