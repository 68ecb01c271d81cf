namespace ThalNet.Generators.Emit;

/// <summary>
/// Names in the generated code. Fixed member names are listed in <see cref="GeneratedMemberNames"/>, which the
/// validator and the attribute checks share; members come from the layout's PascalCase names (checked by the spec
/// validator against each other and against reserved names). Locals derived from a module always end in a
/// fixed word (<c>visionContext</c>, <c>visionGru</c>, <c>visionFeatures</c>), so they never meet each other or
/// the fixed locals <c>values</c>, <c>center</c> and <c>reads</c>.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The model's group of static readers (a field: members are PascalCase, so an underscore never meets them).</summary>
    public const string StaticReadsField = GeneratedMemberNames.StaticReadsField;

    /// <summary>The static readers' results of the current sub-step, one [inputs; context] per reader.</summary>
    public const string StaticReadsLocal = "reads";

    public static string ModuleClass(ModuleLayout module) => CSharpNames.ModuleClassName(module.CSharpName);

    /// <summary>A layer's member on its module class: <c>ff</c> -> <c>Ff</c>, <c>gru0</c> -> <c>Gru0</c>.</summary>
    public static string Layer(LayerLayout layer) => CSharpNames.ToPascalCase(layer.Name);

    public static string Camel(string pascal) => CSharpNames.ToCamelCase(pascal);

    /// <summary>A parameter named after an input, escaped when it is a keyword, reserved or contextual (<c>@int</c>, <c>@var</c>).</summary>
    public static string Parameter(InputLayout input)
    {
        var camel = Camel(input.CSharpName);
        return CSharpKeywords.IsKeyword(camel) ? "@" + camel : camel;
    }

    public static string ContextLocal(ModuleLayout module) => Camel(module.CSharpName) + "Context";

    public static string FeaturesLocal(ModuleLayout module) => Camel(module.CSharpName) + "Features";

    /// <summary>A layer's output in the current sub-step.</summary>
    public static string LayerLocal(ModuleLayout module, LayerLayout layer) => Camel(module.CSharpName) + Layer(layer);

    /// <summary>The previous hidden state of a recurrent layer that is not the module's last.</summary>
    public static string HiddenLocal(ModuleLayout module, LayerLayout layer) => LayerLocal(module, layer) + "State";

    /// <summary>The cell state of an LSTM layer, replaced by each step.</summary>
    public static string CellLocal(ModuleLayout module, LayerLayout layer) => LayerLocal(module, layer) + "Cell";

    public static string OffsetConstant(ModuleLayout module) => module.CSharpName + "Offset";

    public static string SizeConstant(ModuleLayout module) => module.CSharpName + "Size";
}
