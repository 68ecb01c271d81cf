using static ThalNet.Generators.Emit.TorchSharp.TorchTypes;

namespace ThalNet.Generators.Emit.TorchSharp;

/// <summary>The nested types of a TorchSharp model: <c>Layout</c>, <c>Inputs</c>, <c>Outputs</c>, <c>State</c> and one class per module.</summary>
internal static class TorchNestedTypesEmitter
{
    private static readonly LayoutEmitter.InfoTypes LayoutTypes = new(ModelInfo, InputInfo, ModuleInfo, OutputInfo, "ThalNet.TorchSharp", "the model");

    public static void WriteLayout(CodeWriter w, ModelLayout model) => LayoutEmitter.Write(w, model, LayoutTypes);

    public static void WriteInputs(CodeWriter w, ModelLayout model)
    {
        w.Line("/// <summary>The task inputs of one step, one tensor per input.</summary>");
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block("public sealed class Inputs"))
        {
            w.Line("/// <summary>Gathers the inputs of one step.</summary>");
            foreach (var input in model.Inputs)
            {
                w.Line($"/// <param name=\"{GeneratedNames.Parameter(input).TrimStart('@')}\">{Descriptions.Input(input, "B")}</param>");
            }

            using (w.Block($"public Inputs({string.Join(", ", model.Inputs.Select(i => $"{Tensor} {GeneratedNames.Parameter(i)}"))})"))
            {
                foreach (var input in model.Inputs)
                {
                    var parameter = GeneratedNames.Parameter(input);
                    w.Line($"{input.CSharpName} = {parameter} ?? throw new global::System.ArgumentNullException(nameof({parameter}));");
                }
            }

            foreach (var input in model.Inputs)
            {
                w.Line();
                w.Line($"/// <summary>{Descriptions.Input(input, "B")}</summary>");
                w.Line($"public {Tensor} {input.CSharpName} {{ get; }}");
            }
        }
    }

    /// <summary>TorchSharp's state: tensors on a device.</summary>
    public static StateBackend State { get; } = new(
        Tensor,
        ModelState,
        "The names of the state tensors, in order.",
        "A zero state for <paramref name=\"batch\"/> sequences, the state before the first step, on <paramref name=\"device\"/> (the CPU when null).",
        $"public static State Zeros(long batch, {Device}? device = null)",
        $"Initialize(batch, device ?? {Torch}.CPU, values);",
        $"internal static void Initialize(long batch, {Device} device, global::System.Span<{Tensor}> values)",
        size => $"{Torch}.zeros(batch, {size}, device: device)");

    /// <summary>One module: its reader, layers and heads as typed members, registered under the spec's names.</summary>
    public static void WriteModule(CodeWriter w, ModelLayout model, ModuleLayout module)
    {
        var className = GeneratedNames.ModuleClass(module);
        var reader = ReaderClass(module.Reading);
        w.Line($"/// <summary>{Descriptions.Module(module)}</summary>");
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block($"public sealed class {className} : {NnModule}"))
        {
            var features = Literals.Int(module.FeatureSize);
            var fast = Catalog.Reading(module.Reading).ReadsOwnFeatures ? ", " + features : "";
            WriteSubmodule(w, reader, "Read", ParameterNames.Reader, Descriptions.Reader(model, module));
            for (var i = 0; i < module.Layers.Count; i++)
            {
                var layer = module.Layers[i];
                w.Line();
                WriteSubmodule(w, LayerClass(layer.Kind), GeneratedNames.Layer(layer), layer.Name, Descriptions.LayerMember(module, layer, first: i == 0));
            }

            foreach (var output in module.Outputs)
            {
                w.Line();
                WriteSubmodule(w, HeadClass, output.CSharpName, output.Name, Descriptions.Output(module, output));
            }

            w.Line();
            w.Line($"internal {className}()");
            w.Line($"    : base({Literals.String(module.Name)})");
            w.Line("{");
            w.Line($"    {Field("Read")} = new {reader}(CenterSize, {Literals.Int(module.ContextSize)}{fast});");
            foreach (var layer in module.Layers)
            {
                var sizes = $"{Literals.Int(layer.InputSize)}, {Literals.Int(layer.OutputSize)}";
                var activation = Catalog.Layer(layer.Kind).TakesActivation ? $", {ActivationEnum}.{layer.Activation}" : "";
                w.Line($"    {Field(GeneratedNames.Layer(layer))} = new {LayerClass(layer.Kind)}({sizes}{activation});");
            }

            foreach (var output in module.Outputs)
            {
                w.Line($"    {Field(output.CSharpName)} = new {HeadClass}({features}, {Literals.Int(output.Size)});");
            }

            w.Line("    RegisterComponents();");
            w.Line("}");
        }
    }
}
