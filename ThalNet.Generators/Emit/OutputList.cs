namespace ThalNet.Generators.Emit;

/// <summary>Every output of a model with its module and that module's index, in the runtime's output order (modules in center order).</summary>
internal static class OutputList
{
    public static List<(ModuleLayout Module, int ModuleIndex, OutputLayout Output)> Of(ModelLayout model)
        => model.Modules.SelectMany((m, index) => m.Outputs.Select(o => (Module: m, ModuleIndex: index, Output: o))).ToList();
}
