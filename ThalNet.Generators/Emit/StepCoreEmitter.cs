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
                WriteStaticReads(w, model, declare);
                foreach (var module in model.Modules)
                {
                    WriteModule(w, model, module, declare);
                }

                foreach (var module in model.Modules)
                {
                    w.Line($"{GeneratedNames.FeaturesLocal(module)} = {GeneratedNames.LayerLocal(module, module.Layers[module.Layers.Count - 1])};");
                    foreach (var layer in StateLayout.InnerGruLayers(module))
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

    /// <summary>
    /// All static readers in one product per sub-step; reader i's result is already [inputs; context] for its module
    /// (<c>reads[i]</c>), so no separate concatenation follows.
    /// </summary>
    private static void WriteStaticReads(CodeWriter w, ModelLayout model, string declare)
    {
        var readers = StaticReadModules(model);
        if (readers.Count == 0)
        {
            return;
        }

        var prefixes = readers.Select(module => module.Inputs.IsEmpty ? "null" : Inputs(model, module, context: null));
        w.Line($"{declare}{GeneratedNames.StaticReadsLocal} = {GeneratedNames.StaticReadsField}.Read(tape, center, [{string.Join(", ", prefixes)}]);");
    }

    /// <summary>The modules with a static (linear or weight-normalised) reader, in module order: the members of the model's read group.</summary>
    public static List<ModuleLayout> StaticReadModules(ModelLayout model) => model.Modules.Where(m => !IsFast(m.Reading)).ToList();

    private static void WriteModule(CodeWriter w, ModelLayout model, ModuleLayout module, string declare)
    {
        var features = GeneratedNames.FeaturesLocal(module);
        string x;
        if (IsFast(module.Reading))
        {
            var context = GeneratedNames.ContextLocal(module);
            w.Line($"{declare}{context} = {module.CSharpName}.Read.Read(tape, center, {features});");
            x = module.Inputs.IsEmpty ? context : Inputs(model, module, context);
        }
        else
        {
            x = $"{GeneratedNames.StaticReadsLocal}[{Literals.Int(StaticReadModules(model).IndexOf(module))}]";
        }

        for (var i = 0; i < module.Layers.Count; i++)
        {
            var layer = module.Layers[i];
            var member = $"{module.CSharpName}.{GeneratedNames.Layer(layer)}";
            var hidden = i == module.Layers.Count - 1 ? features : GeneratedNames.HiddenLocal(module, layer);
            var call = layer.Kind == LayerKind.Gru ? $"{member}.Forward(tape, {x}, {hidden})" : $"{member}.Forward(tape, {x})";
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

    /// <summary>The module's inputs (then its context, when given) as one tensor.</summary>
    private static string Inputs(ModelLayout model, ModuleLayout module, string? context)
    {
        var parts = module.Inputs.Select(name => $"inputs[{Literals.Int(InputIndex(model, name))}]").ToList();
        if (context is not null)
        {
            parts.Add(context);
        }

        return parts.Count == 1 ? parts[0] : $"tape.Concat(1, {string.Join(", ", parts)})";
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
