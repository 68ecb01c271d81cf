using static ThalNet.Generators.Emit.TorchTypes;

namespace ThalNet.Generators.Emit;

/// <summary>The nested types of a TorchSharp model: <c>Layout</c>, <c>Inputs</c>, <c>State</c> and one class per module.</summary>
internal static class TorchNestedTypesEmitter
{
    private static readonly LayoutPrinter.InfoTypes LayoutTypes = new(ModelInfo, InputInfo, ModuleInfo, OutputInfo, "ThalNet.TorchSharp", "the model");

    /// <summary>TorchSharp's state: tensors on a device.</summary>
    private static readonly StateBackend StateTypes = new(
        Tensor,
        ModelState,
        "The names of the state tensors, in order.",
        "A zero state for <paramref name=\"batch\"/> sequences, the state before the first step, on <paramref name=\"device\"/> (the CPU when null).",
        $"public static State Zeros(long batch, {Device}? device = null)",
        $"Initialize(batch, device ?? {Torch}.CPU, values);",
        $"internal static void Initialize(long batch, {Device} device, global::System.Span<{Tensor}> values)",
        size => $"{Torch}.zeros(batch, {size}, device: device)");

    public static void WriteLayout(CodeWriter w, StepPlan plan) => LayoutPrinter.Write(w, plan, LayoutTypes);

    public static void WriteState(CodeWriter w, StepPlan plan) => StatePrinter.Write(w, plan, StateTypes);

    public static void WriteInputs(CodeWriter w, StepPlan plan)
    {
        w.Line("/// <summary>The task inputs of one step, one tensor per input.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class Inputs"))
        {
            w.Line("/// <summary>Gathers the inputs of one step.</summary>");
            foreach (var input in plan.Inputs)
            {
                w.Line($"/// <param name=\"{GeneratedNames.Parameter(input).TrimStart('@')}\">{input.Summary}</param>");
            }

            using (w.Block($"public Inputs({string.Join(", ", plan.Inputs.Select(i => $"{Tensor} {GeneratedNames.Parameter(i)}"))})"))
            {
                foreach (var input in plan.Inputs)
                {
                    var parameter = GeneratedNames.Parameter(input);
                    w.Line($"{input.CSharpName} = {parameter} ?? throw new global::System.ArgumentNullException(nameof({parameter}));");
                }
            }

            foreach (var input in plan.Inputs)
            {
                w.Line();
                w.Line($"/// <summary>{input.Summary}</summary>");
                w.Line($"public {Tensor} {input.CSharpName} {{ get; }}");
            }
        }
    }

    /// <summary>One module: its reader, layers and heads as typed members, registered under the spec's names.</summary>
    public static void WriteModule(CodeWriter w, StepPlan plan, ModulePlan module)
    {
        var className = GeneratedNames.ModuleClass(module);
        var reader = module.Read.Types.TorchSharp;
        var heads = module.Heads.Select(h => plan.Heads[h]).ToList();
        w.Line($"/// <summary>{module.Summary}</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block($"public sealed class {className} : {NnModule}"))
        {
            WriteSubmodule(w, reader, "Read", ParameterNames.Reader, module.Read.Summary);
            foreach (var layer in module.Layers)
            {
                w.Line();
                WriteSubmodule(w, layer.Types.TorchSharp, layer.Member, layer.Name, layer.Summary);
            }

            foreach (var head in heads)
            {
                w.Line();
                WriteSubmodule(w, head.Types.TorchSharp, head.CSharpName, head.Name, head.Summary);
            }

            w.Line();
            w.Line($"internal {className}()");
            w.Line($"    : base({Literals.String(module.Name)})");
            w.Line("{");
            w.Line($"    {Field("Read")} = new {reader}({ReaderConstruction.Arguments(module.Read)});");
            foreach (var layer in module.Layers)
            {
                var activation = layer.Activation is { } a ? $", {ActivationEnum}.{a}" : "";
                w.Line($"    {Field(layer.Member)} = new {layer.Types.TorchSharp}({Literals.Int(layer.InputSize)}, {Literals.Int(layer.OutputSize)}{activation});");
            }

            foreach (var head in heads)
            {
                w.Line($"    {Field(head.CSharpName)} = new {head.Types.TorchSharp}({Literals.Int(head.FeatureSize)}, {Literals.Int(head.Size)});");
            }

            w.Line("    RegisterComponents();");
            w.Line("}");
        }
    }
}
