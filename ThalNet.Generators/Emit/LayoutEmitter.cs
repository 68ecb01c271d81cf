using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>The static center layout: each module's slice of the center, and the <c>ModelInfo</c> the runtime reads.</summary>
internal static class LayoutEmitter
{
    /// <summary>The types a backend's <c>Layout.Info</c> is built from, and whom the description is for.</summary>
    /// <param name="DescribedFor">Completes "the model's description for ...".</param>
    /// <param name="IndexedBy">Completes "in the order ... indexes them".</param>
    public sealed record InfoTypes(string ModelInfo, string InputInfo, string ModuleInfo, string OutputInfo, string DescribedFor, string IndexedBy);

    /// <summary>The engine's: ThalNet.Runtime's model description.</summary>
    public static InfoTypes Engine { get; } = new(ModelInfo, InputInfo, ModuleInfo, OutputInfo, "the runtime", "the runtime");

    public static void Write(CodeWriter w, ModelLayout model) => Write(w, model, Engine);

    public static void Write(CodeWriter w, ModelLayout model, InfoTypes types)
    {
        w.Line($"/// <summary>Where each module's features lie in the center, and the model's description for {types.DescribedFor}.</summary>");
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block("public static class Layout"))
        {
            foreach (var module in model.Modules)
            {
                w.Line($"/// <summary>Start of the features of module '{module.Name}' in the center.</summary>");
                w.Line($"public const int {GeneratedNames.OffsetConstant(module)} = {Literals.Int(module.CenterOffset)};");
                w.Line();
                w.Line($"/// <summary>Feature size of module '{module.Name}': its slice of the center is [{GeneratedNames.OffsetConstant(module)}, {GeneratedNames.OffsetConstant(module)} + {GeneratedNames.SizeConstant(module)}).</summary>");
                w.Line($"public const int {GeneratedNames.SizeConstant(module)} = {Literals.Int(module.FeatureSize)};");
                w.Line();
            }

            w.Line($"/// <summary>The inputs, the modules with their center slices, and the outputs, in the order {types.IndexedBy} indexes them.</summary>");
            w.Line($"public static {types.ModelInfo} Info {{ get; }} = new {types.ModelInfo}(");
            w.Line($"    {Literals.String(model.Name)},");
            w.Line("    CenterSize,");
            w.Line("    Substeps,");
            WriteArray(w, types.InputInfo, model.Inputs.Select(Input), last: false);
            WriteArray(w, types.ModuleInfo, model.Modules.Select(Module), last: false);
            WriteArray(w, types.OutputInfo, model.Modules.SelectMany(m => m.Outputs.Select(o => Output(m, o))), last: true);
        }
    }

    private static string Input(InputLayout input)
        => $"new({Literals.String(input.Name)}, {Literals.Int(input.Width)}, {Literals.Bool(input.Kind == InputKind.Tokens)})";

    private static string Module(ModuleLayout module)
    {
        var inputs = module.Inputs.IsEmpty
            ? "global::System.Array.Empty<string>()"
            : "new[] { " + string.Join(", ", module.Inputs.Select(Literals.String)) + " }";
        return $"new({Literals.String(module.Name)}, {ModuleRoleEnum}.{module.Role}, {GeneratedNames.OffsetConstant(module)}, {GeneratedNames.SizeConstant(module)}, " +
            $"{Literals.Int(module.ContextSize)}, {ReadingEnum}.{module.Reading}, {inputs})";
    }

    private static string Output(ModuleLayout module, OutputLayout output)
        => $"new({Literals.String(module.Name)}, {Literals.String(output.Name)}, {Literals.Int(output.Size)}, {LossEnum}.{output.Loss}, " +
            $"{Literals.Bool(output.At == OutputTiming.Every)}, {Literals.Float(output.Weight)})";

    internal static void WriteArray(CodeWriter w, string type, IEnumerable<string> items, bool last)
    {
        w.Line($"    new {type}[]");
        w.Line("    {");
        foreach (var item in items)
        {
            w.Line($"        {item},");
        }

        w.Line(last ? "    });" : "    },");
    }
}
