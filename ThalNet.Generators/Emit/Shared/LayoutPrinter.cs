namespace ThalNet.Generators.Emit;

/// <summary>The static center layout: each module's slice of the center, and the <c>ModelInfo</c> the runtime reads.</summary>
internal static class LayoutPrinter
{
    private const string ModuleRoleEnum = "global::ThalNet.Specs.ModuleRole";
    private const string ReadingEnum = "global::ThalNet.Specs.ReadingMechanism";
    private const string LossEnum = "global::ThalNet.Specs.LossKind";

    /// <summary>The types a backend's <c>Layout.Info</c> is built from, and whom the description is for.</summary>
    /// <param name="ModelInfo">The backend's model description type, fully qualified.</param>
    /// <param name="InputInfo">The backend's description of one task input, fully qualified.</param>
    /// <param name="ModuleInfo">The backend's description of one module, fully qualified.</param>
    /// <param name="OutputInfo">The backend's description of one output, fully qualified.</param>
    /// <param name="DescribedFor">Completes "the model's description for ...".</param>
    /// <param name="IndexedBy">Completes "in the order ... indexes them".</param>
    public sealed record InfoTypes(string ModelInfo, string InputInfo, string ModuleInfo, string OutputInfo, string DescribedFor, string IndexedBy);

    public static void Write(CodeWriter w, StepPlan model, InfoTypes types)
    {
        w.Line($"/// <summary>Where each module's features lie in the center, and the model's description for {types.DescribedFor}.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
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
            WriteArray(w, types.ModuleInfo, model.Modules.Select(m => Module(model, m)), last: false);
            WriteArray(w, types.OutputInfo, GeneratedNames.Heads(model).Select(h => Output(h.Module, h.Head)), last: true);
        }
    }

    private static string Input(InputPlan input)
        => $"new({Literals.String(input.Name)}, {Literals.Int(input.Width)}, {Literals.Bool(input.Kind == InputKind.Tokens)})";

    private static string Module(StepPlan model, ModulePlan module)
    {
        var inputs = module.InputIndices.IsEmpty
            ? "global::System.Array.Empty<string>()"
            : "new[] { " + string.Join(", ", module.InputIndices.Select(i => Literals.String(model.Inputs[i].Name))) + " }";
        return $"new({Literals.String(module.Name)}, {ModuleRoleEnum}.{module.Role}, {GeneratedNames.OffsetConstant(module)}, {GeneratedNames.SizeConstant(module)}, " +
            $"{Literals.Int(module.ContextSize)}, {ReadingEnum}.{module.Read.Kind}, {inputs})";
    }

    private static string Output(ModulePlan module, HeadPlan output)
        => $"new({Literals.String(module.Name)}, {Literals.String(output.Name)}, {Literals.Int(output.Size)}, {LossEnum}.{output.Loss.Kind}, " +
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
