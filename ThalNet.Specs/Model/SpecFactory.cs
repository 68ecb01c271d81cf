namespace ThalNet.Specs;

/// <summary>
/// Turns written values (strings, numbers, with locations) into spec records. Both the YAML
/// reader and the attribute builder go through here, so a word or layer means the same in both.
/// Missing required values are reported by the callers, which alone can tell "absent" from
/// "written but unreadable" (already reported).
/// </summary>
internal static class SpecFactory
{
    // Owner phrases for messages, so both forms word them the same.
    public const string ModelOwner = "the spec";

    public const string DefaultsOwner = "defaults";

    public static string InputOwner(string name) => $"input '{name}'";

    public static string ModuleOwner(string name) => $"module '{name}'";

    public static string OutputOwner(string name) => $"output '{name}'";

    public static InputSpec Input(Located<string> name, Located<int>? size, Located<int>? tokens, DiagnosticBag diagnostics)
    {
        if (size is not null && tokens is not null)
        {
            diagnostics.Add(SpecDiagnostics.InputSizeAndTokens, tokens.Value.KeyLocation, name.Value);
        }

        return size is null && tokens is not null
            ? new InputSpec(name, InputKind.Tokens, tokens)
            : new InputSpec(name, InputKind.Dense, size);
    }

    /// <summary>An input written with neither <c>size</c> nor <c>tokens</c>.</summary>
    public static void ReportMissingWidth(Located<string> input, DiagnosticBag diagnostics)
        => diagnostics.Add(SpecDiagnostics.MissingKey, input.KeyLocation, "'size' or 'tokens'", InputOwner(input.Value));

    public static DefaultsSpec Defaults(
        Located<string>? reading,
        Located<int>? context,
        Located<EquatableArray<Located<string>>>? layers,
        DiagnosticBag diagnostics)
        => new(SpecWords.Reading.Parse(reading, diagnostics), context, LayerParser.ParseAll(layers, diagnostics));

    public static ModuleSpec Module(
        Located<string> name,
        Located<string>? role,
        Located<EquatableArray<Located<string>>>? inputs,
        Located<EquatableArray<OutputSpec>>? outputs,
        Located<string>? reading,
        Located<int>? context,
        Located<EquatableArray<Located<string>>>? layers,
        DiagnosticBag diagnostics)
        => new(
            name,
            SpecWords.Role.Parse(role, diagnostics),
            inputs,
            outputs,
            SpecWords.Reading.Parse(reading, diagnostics),
            context,
            LayerParser.ParseAll(layers, diagnostics));

    public static OutputSpec Output(
        Located<string> name,
        Located<int>? size,
        Located<string>? loss,
        Located<string>? at,
        Located<double>? weight,
        DiagnosticBag diagnostics)
        => new(name, size, SpecWords.Loss.Parse(loss, diagnostics), SpecWords.At.Parse(at, diagnostics), weight);
}
