using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// One nested class per module: its reader, layers and output heads as typed members, registered in the order
/// of <see cref="ModelLayout.Parameters"/> (reader, layers, outputs), which is also the order they draw their
/// initial values from the random source.
/// </summary>
internal static class ModuleClassEmitter
{
    public static void Write(CodeWriter w, ModelLayout model, ModuleLayout module)
    {
        var className = GeneratedNames.ModuleClass(module);
        var readerEntry = Catalog.Reading(module.Reading);
        var reader = Engine(readerEntry.Types);
        var head = Engine(Catalog.Head.Types);
        w.Line($"/// <summary>{Descriptions.Module(module)}</summary>");
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block($"public sealed class {className} : {Module}"))
        {
            using (w.Block($"internal {className}({RandomSource} random)"))
            {
                var features = Literals.Int(module.FeatureSize);
                var fast = readerEntry.ReadsOwnFeatures ? ", " + features : "";
                w.Line($"Read = AddModule({Literals.String(ParameterNames.Reader)}, new {reader}(CenterSize, {Literals.Int(module.ContextSize)}{fast}, random));");
                foreach (var layer in module.Layers)
                {
                    var entry = Catalog.Layer(layer.Kind);
                    var sizes = $"{Literals.Int(layer.InputSize)}, {Literals.Int(layer.OutputSize)}";
                    var activation = entry.TakesActivation ? $", {ActivationEnum}.{layer.Activation}" : "";
                    var created = $"new {Engine(entry.Types)}({sizes}{activation}, random)";
                    w.Line($"{GeneratedNames.Layer(layer)} = AddModule({Literals.String(layer.Name)}, {created});");
                }

                foreach (var output in module.Outputs)
                {
                    w.Line($"{output.CSharpName} = AddModule({Literals.String(output.Name)}, new {head}({features}, {Literals.Int(output.Size)}, random));");
                }
            }

            w.Line();
            w.Line($"/// <summary>{Descriptions.Reader(model, module)}</summary>");
            w.Line($"public {reader} Read {{ get; }}");
            for (var i = 0; i < module.Layers.Count; i++)
            {
                var layer = module.Layers[i];
                w.Line();
                w.Line($"/// <summary>{Descriptions.LayerMember(module, layer, first: i == 0)}</summary>");
                w.Line($"public {Engine(Catalog.Layer(layer.Kind).Types)} {GeneratedNames.Layer(layer)} {{ get; }}");
            }

            foreach (var output in module.Outputs)
            {
                w.Line();
                w.Line($"/// <summary>{Descriptions.Output(module, output)}</summary>");
                w.Line($"public {head} {output.CSharpName} {{ get; }}");
            }
        }
    }
}
