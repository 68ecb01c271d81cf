using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// One nested class per module: its reader, layers and output heads as typed members, registered in the plan's order
/// (reader, layers, outputs), which is also the order they draw their initial values from the random source.
/// </summary>
internal static class ModuleClassEmitter
{
    public static void Write(CodeWriter w, StepPlan plan, ModulePlan module)
    {
        var className = GeneratedNames.ModuleClass(module);
        var reader = module.Read.Types.Engine;
        var heads = module.Heads.Select(h => plan.Heads[h]).ToList();
        w.Line($"/// <summary>{module.Summary}</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block($"public sealed class {className} : {Module}"))
        {
            using (w.Block($"internal {className}({RandomSource} random)"))
            {
                w.Line($"Read = AddModule({Literals.String(ParameterNames.Reader)}, new {reader}({ReaderConstruction.Arguments(module.Read)}, random));");
                foreach (var layer in module.Layers)
                {
                    var activation = layer.Activation is { } a ? $", {ActivationEnum}.{a}" : "";
                    w.Line($"{layer.Member} = AddModule({Literals.String(layer.Name)}, new {layer.Types.Engine}({Literals.Int(layer.InputSize)}, {Literals.Int(layer.OutputSize)}{activation}, random));");
                }

                foreach (var head in heads)
                {
                    w.Line($"{head.CSharpName} = AddModule({Literals.String(head.Name)}, new {head.Types.Engine}({Literals.Int(head.FeatureSize)}, {Literals.Int(head.Size)}, random));");
                }
            }

            w.Line();
            w.Line($"/// <summary>{module.Read.Summary}</summary>");
            w.Line($"public {reader} Read {{ get; }}");
            foreach (var layer in module.Layers)
            {
                w.Line();
                w.Line($"/// <summary>{layer.Summary}</summary>");
                w.Line($"public {layer.Types.Engine} {layer.Member} {{ get; }}");
            }

            foreach (var head in heads)
            {
                w.Line();
                w.Line($"/// <summary>{head.Summary}</summary>");
                w.Line($"public {head.Types.Engine} {head.CSharpName} {{ get; }}");
            }
        }
    }
}
