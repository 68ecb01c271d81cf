namespace ThalNet.Generators.Emit;

/// <summary>Every output of a model with its module, in the runtime's output order (modules in center order).</summary>
internal static class OutputList
{
    public static List<(ModuleLayout Module, OutputLayout Output)> Of(ModelLayout model)
        => model.Modules.SelectMany(m => m.Outputs.Select(o => (Module: m, Output: o))).ToList();
}
