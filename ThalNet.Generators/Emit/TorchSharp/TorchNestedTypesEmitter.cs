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

    public static void WriteState(CodeWriter w, IReadOnlyList<StateEntry> entries)
    {
        w.Line(StepTypesEmitter.StateSummary);
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block($"public sealed class State : {ModelState}"))
        {
            w.Line("/// <summary>The names of the state tensors, in order.</summary>");
            w.Line($"internal static readonly string[] TensorNames = {{ {string.Join(", ", entries.Select(e => Literals.String(e.Name)))} }};");
            w.Line();
            w.Line($"/// <summary>Wraps state tensors given in the order of <see cref=\"{ModelState}.Names\"/>.</summary>");
            w.Line($"/// <param name=\"values\">{Literals.Int(entries.Count)} tensors: {string.Join(", ", entries.Select(e => e.Name))}.</param>");
            w.Line($"public State({Tensor}[] values)");
            w.Line("    : base(TensorNames, values)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>A zero state for <paramref name=\"batch\"/> sequences, the state before the first step, on <paramref name=\"device\"/> (the CPU when null).</summary>");
            using (w.Block($"public static State Zeros(long batch, {Device}? device = null)"))
            {
                w.Line($"var values = new {Tensor}[{Literals.Int(entries.Count)}];");
                w.Line($"Initialize(batch, device ?? {Torch}.CPU, values);");
                w.Line("return new State(values);");
            }

            w.Line();
            using (w.Block($"internal static void Initialize(long batch, {Device} device, global::System.Span<{Tensor}> values)"))
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    w.Line($"values[{Literals.Int(i)}] = {Torch}.zeros(batch, {entries[i].Size}, device: device);");
                }
            }

            for (var i = 0; i < entries.Count; i++)
            {
                w.Line();
                w.Line($"/// <summary>{entries[i].Description}: [B, {Literals.Int(entries[i].Width)}].</summary>");
                w.Line($"public {Tensor} {entries[i].Property} => Values[{Literals.Int(i)}];");
            }
        }
    }

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
