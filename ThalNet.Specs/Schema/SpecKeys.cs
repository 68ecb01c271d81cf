using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// Every key of every mapping of a YAML spec, with its value, default and description: the YAML reader accepts
/// exactly these keys and <see cref="SpecSchema"/> describes them to editors. A new key goes here.
/// </summary>
public static class SpecKeys
{
    private static readonly string ReadingDescription = "How the module reads its context from the previous center: "
        + string.Join(", ", Catalog.Readings.Select(e => e.Word)) + ". Every mechanism is listed in docs/catalog.md.";

    private static readonly string LayersDescription = "The module's layers, first to last: 'ff N [activation]', "
        + string.Join(", ", Catalog.Layers.Where(e => !e.TakesActivation).Select(e => $"'{e.Word} N'"))
        + $". N is a size or '{SpecWords.AutoSize}' (one shared size solved from 'budget'). The last layer's size is the module's share of the center.";

    private static readonly string ContextDescription = "The number of values the module reads from the center each step.";

    /// <summary>The top level of a spec.</summary>
    public static IReadOnlyList<SpecKey> Model { get; } =
    [
        new("model", SpecValue.Identifier, "The C# class generated for the model.", Required: true),
        new("namespace", SpecValue.Namespace, "The namespace of the generated class; the project's RootNamespace when absent."),
        new("inputs", SpecValue.Inputs, "The task inputs fed at every step, by name: a size ('x: 4') or '{ tokens: N }' for integer tokens fed one-hot.", Required: true),
        new("substeps", SpecValue.Count, "Simulated steps per input step.", JsonWriter.Number(SpecDefaults.Substeps)),
        new("center", SpecValue.Count, "The center's size, checked against the sum of the modules' feature sizes (their last layers)."),
        new("budget", SpecValue.LongCount, "The most parameters the model may have; 'auto' layer sizes are solved from it."),
        new("active", SpecValue.Count, "How many modules update at each sub-step (from 1 to the module count less one): per example, those whose reads put the least weight on their null slot; the others keep their state and their slice of the center. Every module must read by 'attention'. All update when absent."),
        new("defaults", SpecValue.Defaults, "What every module gets unless it says otherwise."),
        new("modules", SpecValue.Modules, "The modules by name, in center order: each reads a context from the center and writes its features back.", Required: true),
    ];

    /// <summary>The long form of an input (<c>x: { size: 4 }</c>); exactly one of its keys is given.</summary>
    public static IReadOnlyList<SpecKey> Input { get; } =
    [
        new("size", SpecValue.Count, "A dense vector of this many values per step."),
        new("tokens", SpecValue.Count, "Integer tokens in [0, tokens), fed one-hot."),
    ];

    /// <summary>The <c>defaults</c> mapping.</summary>
    public static IReadOnlyList<SpecKey> Defaults { get; } =
    [
        new("reading", SpecValue.Reading, ReadingDescription, JsonWriter.String(SpecWords.Reading.Word(SpecDefaults.Reading))),
        new("context", SpecValue.Count, ContextDescription, JsonWriter.Number(SpecDefaults.Context)),
        new("layers", SpecValue.Layers, LayersDescription, JsonWriter.Array(SpecDefaults.Layers.Select(l => JsonWriter.String(SpecWords.Format(l))))),
    ];

    /// <summary>A module (<c>modules.&lt;name&gt;</c>).</summary>
    public static IReadOnlyList<SpecKey> Module { get; } =
    [
        new("role", SpecValue.Role, "input: reads task inputs; side: reads only the center; output: has output heads.", Required: true),
        new("inputs", SpecValue.InputNames, "The declared inputs this input module reads; its first layer takes them concatenated, in this order, before the context.", OnlyFor: ModuleRole.Input),
        new("outputs", SpecValue.Outputs, "The output heads of this output module, by name (unique across the model).", OnlyFor: ModuleRole.Output),
        new("reading", SpecValue.Reading, ReadingDescription + " When absent: defaults.reading."),
        new("context", SpecValue.Count, ContextDescription + " When absent: defaults.context."),
        new("layers", SpecValue.Layers, LayersDescription + " When absent: defaults.layers."),
    ];

    /// <summary>An output head (<c>modules.&lt;name&gt;.outputs.&lt;output&gt;</c>).</summary>
    public static IReadOnlyList<SpecKey> Output { get; } =
    [
        new("size", SpecValue.Count, "The number of classes (logits) or of regression values.", Required: true),
        new("loss", SpecValue.Loss, "The loss of this head: " + string.Join(", ", Catalog.Losses.Select(e => $"{e.Word} ({e.HeadValues})")) + ".", JsonWriter.String(SpecWords.Loss.Word(SpecDefaults.Loss))),
        new("at", SpecValue.At, "When targets come: last (one per sequence, after the last step) or every (one per step).", JsonWriter.String(SpecWords.At.Word(SpecDefaults.At))),
        new("weight", SpecValue.Weight, "The output's factor in the total loss.", JsonWriter.Number(SpecDefaults.Weight)),
    ];

    /// <summary>The names of <paramref name="keys"/>, in order.</summary>
    public static string[] Names(IReadOnlyList<SpecKey> keys) => keys.Select(k => k.Name).ToArray();

    /// <summary>The names of the keys a mapping must have.</summary>
    public static string[] RequiredNames(IReadOnlyList<SpecKey> keys) => keys.Where(k => k.Required).Select(k => k.Name).ToArray();
}
