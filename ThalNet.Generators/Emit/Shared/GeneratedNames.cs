namespace ThalNet.Generators.Emit;

/// <summary>
/// Names in the generated code of both backends. Fixed member names are listed in <see cref="GeneratedMemberNames"/>,
/// which the validator and the attribute checks share (a test compares it with the generated classes); members come from the plan's PascalCase names (checked by the spec
/// validator against each other and against reserved names). Locals derived from a module always end in a
/// fixed word (<c>visionContext</c>, <c>visionGru</c>, <c>visionFeatures</c>), so they never meet each other or
/// the fixed locals <c>values</c>, <c>center</c> and <c>reads</c>.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The model's group of fused reads (a field: members are PascalCase, so an underscore never meets them).</summary>
    public const string FusedReadsField = GeneratedMemberNames.StaticReadsField;

    /// <summary>The fused reads' results of the current sub-step, one [inputs; context] per member.</summary>
    public const string FusedReadsLocal = "reads";

    /// <summary>The <c>[GeneratedCode]</c> attribute on every generated type.</summary>
    public static readonly string GeneratedCodeAttribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"ThalNet.Generators\", \"{typeof(GeneratedNames).Assembly.GetName().Version}\")]";

    /// <summary>The parameters and locals that methods taking every input as a parameter declare beside them (<c>Step(tape, ..., state)</c>).</summary>
    private static readonly HashSet<string> TakenBesideInputs = ["tape", "state", "shape", "steps", "batch", "logits", "outputs", "values", "layout"];

    public static string ModuleClass(ModulePlan module) => CSharpNames.ModuleClassName(module.CSharpName);

    public static string Camel(string pascal) => CSharpNames.ToCamelCase(pascal);

    /// <summary>
    /// A parameter named after an input, escaped when it is a keyword, reserved or contextual (<c>@int</c>, <c>@var</c>),
    /// and suffixed with <c>Input</c> when a method taking the inputs already declares that name (<c>tapeInput</c>).
    /// </summary>
    public static string Parameter(InputPlan input)
    {
        var camel = Camel(input.CSharpName);
        return CSharpKeywords.IsKeyword(camel) ? "@" + camel
            : TakenBesideInputs.Contains(camel) ? camel + "Input"
            : camel;
    }


    public static string ContextLocal(ModulePlan module) => Camel(module.CSharpName) + "Context";

    /// <summary>The weight a module's read put on its null slot in the current sub-step, [B].</summary>
    public static string NullWeightLocal(ModulePlan module) => Camel(module.CSharpName) + "NullWeight";

    /// <summary>The mask [B, M] of the modules that update in the current sub-step (<c>active: k</c>).</summary>
    public const string ActiveMaskLocal = "activeMask";

    /// <summary>A state tensor's value before the current sub-step, which an inactive module keeps.</summary>
    public static string KeptLocal(StatePlanEntry entry) => StateLocal(entry) + "Before";

    /// <summary>The local holding a state tensor in the step: its property's camel case (<c>visionFeatures</c>, <c>center</c>).</summary>
    public static string StateLocal(StatePlanEntry entry) => Camel(entry.Property);

    /// <summary>A layer's output in the current sub-step.</summary>
    public static string LayerLocal(ModulePlan module, LayerPlan layer) => Camel(module.CSharpName) + layer.Member;

    public static string OffsetConstant(ModulePlan module) => module.CSharpName + "Offset";

    public static string SizeConstant(ModulePlan module) => module.CSharpName + "Size";

    /// <summary>The modules' heads, with the module each belongs to.</summary>
    public static IEnumerable<(ModulePlan Module, HeadPlan Head)> Heads(StepPlan plan) => plan.Heads.Select(h => (plan.Modules[h.Module], h));
}
