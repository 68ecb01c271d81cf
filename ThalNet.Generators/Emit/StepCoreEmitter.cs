using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// The unrolled step: per sub-step, every module reads the previous center (fast readers weigh it by the module's
/// previous features), runs its layers on [its inputs; context], and the new features form the next center. The
/// output heads then read the features of the last sub-step. No loops over modules, no lookups.
/// </summary>
internal static class StepCoreEmitter
{
    public static void Write(CodeWriter w, ModelLayout model, IReadOnlyList<StateEntry> state)
    {
        w.Line("/// <inheritdoc/>");
        using (w.Block($"protected override void StepCore({Tape} tape, {ReadOnlySpan}<{Tensor}> inputs, {ModelState} state, bool lastStep, {Span}<{Tensor}?> outputs)"))
        {
            w.Line("var values = state.Values;");
            for (var i = 0; i < state.Count; i++)
            {
                w.Line($"var {state[i].Local} = values[{Literals.Int(i)}];");
            }

            for (var substep = 1; substep <= model.Substeps; substep++)
            {
                var declare = substep == 1 ? "var " : "";
                w.Line();
                w.Line($"// Sub-step {Literals.Int(substep)} of {Literals.Int(model.Substeps)}: every module reads the previous center.");
                foreach (var module in model.Modules)
                {
                    WriteModule(w, model, module, declare);
                }

                foreach (var module in model.Modules)
                {
                    w.Line($"{GeneratedNames.FeaturesLocal(module)} = {GeneratedNames.LayerLocal(module, module.Layers[module.Layers.Count - 1])};");
                    foreach (var layer in StateLayout.InnerRecurrentLayers(module))
                    {
                        w.Line($"{GeneratedNames.HiddenLocal(module, layer)} = {GeneratedNames.LayerLocal(module, layer)};");
                    }
                }

                w.Line($"center = Ablate(tape, tape.Concat(1, {string.Join(", ", model.Modules.Select(GeneratedNames.FeaturesLocal))}));");
            }

            w.Line();
            for (var i = 0; i < state.Count; i++)
            {
                w.Line($"values[{Literals.Int(i)}] = {state[i].Local};");
            }

            w.Line();
            WriteOutputs(w, model);
        }
    }

    private static void WriteModule(CodeWriter w, ModelLayout model, ModuleLayout module, string declare)
    {
        var features = GeneratedNames.FeaturesLocal(module);
        var context = GeneratedNames.ContextLocal(module);
        w.Line($"{declare}{context} = {module.CSharpName}.Read.Read(tape, center, {features});");
        var x = module.Inputs.IsEmpty
            ? context
            : $"tape.Concat(1, {string.Join(", ", module.Inputs.Select(name => $"inputs[{Literals.Int(InputIndex(model, name))}]"))}, {context})";
        for (var i = 0; i < module.Layers.Count; i++)
        {
            var layer = module.Layers[i];
            var member = $"{module.CSharpName}.{GeneratedNames.Layer(layer)}";
            var hidden = i == module.Layers.Count - 1 ? features : GeneratedNames.HiddenLocal(module, layer);
            var call = Catalog.Layer(layer.Kind).Recurrence switch
            {
                Recurrence.None => $"{member}.Forward(tape, {x})",
                Recurrence.Hidden => $"{member}.Forward(tape, {x}, {hidden})",
                Recurrence.HiddenAndCell => $"{member}.Forward(tape, {x}, {hidden}, ref {GeneratedNames.CellLocal(module, layer)})",
                var other => throw new InvalidOperationException($"No step call for recurrence {other} of layer kind {layer.Kind}."),
            };
            var local = GeneratedNames.LayerLocal(module, layer);
            w.Line($"{declare}{local} = {call};");
            x = local;
        }
    }

    /// <summary>Heads read the features after the last sub-step: <c>at: every</c> heads at every step, <c>at: last</c> heads only at the last.</summary>
    private static void WriteOutputs(CodeWriter w, ModelLayout model)
    {
        var outputs = model.Modules.SelectMany(m => m.Outputs.Select(o => (Module: m, Output: o))).ToList();
        string Head(int index) => $"outputs[{Literals.Int(index)}] = {outputs[index].Module.CSharpName}.{outputs[index].Output.CSharpName}.Forward(tape, {GeneratedNames.FeaturesLocal(outputs[index].Module)});";

        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i].Output.At == OutputTiming.Every)
            {
                w.Line(Head(i));
            }
        }

        if (outputs.Any(o => o.Output.At == OutputTiming.Last))
        {
            using (w.Block("if (lastStep)"))
            {
                for (var i = 0; i < outputs.Count; i++)
                {
                    if (outputs[i].Output.At == OutputTiming.Last)
                    {
                        w.Line(Head(i));
                    }
                }
            }
        }
    }

    private static int InputIndex(ModelLayout model, string name)
    {
        for (var i = 0; i < model.Inputs.Count; i++)
        {
            if (model.Inputs[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Module input '{name}' is not a model input.");
    }
}
