using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// The unrolled step: per sub-step, every module reads the previous center (fast readers weigh it by the module's
/// previous features), runs its layers on [its inputs; context], and the new features form the next center. The
/// output heads then read the features of the last sub-step. No loops over modules, no lookups; sub-steps are
/// unrolled up to <see cref="MaxUnrolledSubsteps"/>, and loop beyond.
/// </summary>
internal static class StepCoreEmitter
{
    /// <summary>More sub-steps run in a loop, so the generated code stays the same size however many there are.</summary>
    public const int MaxUnrolledSubsteps = 4;

    public static void Write(CodeWriter w, ModelLayout model, IReadOnlyList<StateEntry> state)
    {
        w.Line("/// <inheritdoc/>");
        using (w.Block($"protected override void StepCore({Tape} tape, {ReadOnlySpan}<{Tensor}> inputs, {ModelState} state, bool lastStep, {Span}<{Tensor}?> outputs)"))
        {
            var inputIndices = InputIndices(model);
            WriteBody(
                w,
                model,
                state,
                declare => WriteSubstep(w, model, inputIndices, declare),
                () => WriteOutputs(w, model, (head, features) => $"{head}.Forward(tape, {features})", module => $"Runs(tape, {Literals.Int(module)})"));
        }
    }

    /// <summary>
    /// The body of <c>StepCore</c> on either backend: the state into locals, the sub-steps (unrolled up to
    /// <see cref="MaxUnrolledSubsteps"/>, else a loop), the locals back into the state, then the heads.
    /// <paramref name="writeSubstep"/> writes one sub-step, given <c>var </c> where its locals are first declared.
    /// </summary>
    internal static void WriteBody(CodeWriter w, ModelLayout model, IReadOnlyList<StateEntry> state, Action<string> writeSubstep, Action writeOutputs)
    {
        w.Line("var values = state.Values;");
        for (var i = 0; i < state.Count; i++)
        {
            w.Line($"var {state[i].Local} = values[{Literals.Int(i)}];");
        }

        if (model.Substeps <= MaxUnrolledSubsteps)
        {
            for (var substep = 1; substep <= model.Substeps; substep++)
            {
                w.Line();
                w.Line($"// Sub-step {Literals.Int(substep)} of {Literals.Int(model.Substeps)}: every module reads the previous center.");
                writeSubstep(substep == 1 ? "var " : "");
            }
        }
        else
        {
            w.Line();
            w.Line($"// {Literals.Int(model.Substeps)} sub-steps: in each, every module reads the previous center.");
            using (w.Block("for (var substep = 0; substep < Substeps; substep++)"))
            {
                writeSubstep("var ");
            }
        }

        w.Line();
        for (var i = 0; i < state.Count; i++)
        {
            w.Line($"values[{Literals.Int(i)}] = {state[i].Local};");
        }

        w.Line();
        writeOutputs();
    }

    /// <param name="declare"><c>var </c> where the sub-step's reads are declared, empty where they are assigned again.</param>
    private static void WriteSubstep(CodeWriter w, ModelLayout model, Dictionary<string, int> inputIndices, string declare)
    {
        var staticReads = StaticReadModules(model);
        WriteStaticReads(w, staticReads, inputIndices, declare);
        var staticReadIndex = new Dictionary<ModuleLayout, int>();
        for (var i = 0; i < staticReads.Count; i++)
        {
            staticReadIndex[staticReads[i]] = i;
        }

        for (var m = 0; m < model.Modules.Count; m++)
        {
            var module = model.Modules[m];
            using (w.Block($"if (Runs(tape, {Literals.Int(m)}))"))
            {
                WriteModule(w, module, inputIndices, staticReadIndex);
                w.Line($"{GeneratedNames.FeaturesLocal(module)} = {GeneratedNames.LayerLocal(module, module.Layers[module.Layers.Count - 1])};");
                foreach (var layer in StateLayout.InnerRecurrentLayers(module))
                {
                    w.Line($"{GeneratedNames.HiddenLocal(module, layer)} = {GeneratedNames.LayerLocal(module, layer)};");
                }
            }
        }

        w.Line($"center = Ablate(tape, tape.JoinCenter({string.Join(", ", model.Modules.Select(GeneratedNames.FeaturesLocal))}));");
    }

    /// <summary>
    /// All static readers in one product per sub-step; reader i's result is already [inputs; context] for its module
    /// (<c>reads[i]</c>), so no separate concatenation follows.
    /// </summary>
    private static void WriteStaticReads(CodeWriter w, List<ModuleLayout> readers, Dictionary<string, int> inputIndices, string declare)
    {
        if (readers.Count == 0)
        {
            return;
        }

        var prefixes = readers.Select(module => module.Inputs.IsEmpty ? "null" : Inputs(module, inputIndices, context: null));
        w.Line($"{declare}{GeneratedNames.StaticReadsLocal} = {GeneratedNames.StaticReadsField}.Read(tape, center, [{string.Join(", ", prefixes)}]);");
    }

    /// <summary>The modules with a static (linear or weight-normalised) reader, in module order: the members of the model's read group.</summary>
    public static List<ModuleLayout> StaticReadModules(ModelLayout model) => model.Modules.Where(m => !Catalog.Reading(m.Reading).ReadsOwnFeatures).ToList();

    /// <summary>
    /// One module's read (unless static) and layers, inside its <c>Runs(tape, m)</c> block. Each module uses only its own
    /// previous state and the previous center, so it may update its state right away.
    /// </summary>
    private static void WriteModule(CodeWriter w, ModuleLayout module, Dictionary<string, int> inputIndices, Dictionary<ModuleLayout, int> staticReadIndex)
    {
        var features = GeneratedNames.FeaturesLocal(module);
        string x;
        if (staticReadIndex.TryGetValue(module, out var readIndex))
        {
            x = $"{GeneratedNames.StaticReadsLocal}[{Literals.Int(readIndex)}]";
        }
        else
        {
            var context = GeneratedNames.ContextLocal(module);
            w.Line($"var {context} = {module.CSharpName}.Read.Read(tape, center, {features});");
            x = module.Inputs.IsEmpty ? context : Inputs(module, inputIndices, context);
        }

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
            w.Line($"var {local} = {call};");
            x = local;
        }
    }

    /// <summary>
    /// Heads read the features after the last sub-step: <c>at: every</c> heads at every step, <c>at: last</c> heads
    /// only at the last. <paramref name="call"/> writes one head's call on the module's features (it differs by backend);
    /// <paramref name="runs"/>, where given, the condition under which this worker computes a head of module m.
    /// </summary>
    internal static void WriteOutputs(CodeWriter w, ModelLayout model, Func<string, string, string> call, Func<int, string>? runs = null)
    {
        var outputs = OutputList.Of(model);
        string Assignment(int index) => $"outputs[{Literals.Int(index)}] = {call($"{outputs[index].Module.CSharpName}.{outputs[index].Output.CSharpName}", GeneratedNames.FeaturesLocal(outputs[index].Module))};";
        void Head(int index)
        {
            if (runs is null)
            {
                w.Line(Assignment(index));
                return;
            }

            using (w.Block($"if ({runs(outputs[index].ModuleIndex)})"))
            {
                w.Line(Assignment(index));
            }
        }

        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i].Output.At == OutputTiming.Every)
            {
                Head(i);
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
                        Head(i);
                    }
                }
            }
        }
    }

    /// <summary>The module's inputs (then its context, when given) as one tensor.</summary>
    private static string Inputs(ModuleLayout module, Dictionary<string, int> inputIndices, string? context)
    {
        var parts = module.Inputs.Select(name => $"inputs[{Literals.Int(inputIndices[name])}]").ToList();
        if (context is not null)
        {
            parts.Add(context);
        }

        return parts.Count == 1 ? parts[0] : $"tape.Concat(1, {string.Join(", ", parts)})";
    }

    /// <summary>Each input's index in the step's <c>inputs</c>, by spec name.</summary>
    internal static Dictionary<string, int> InputIndices(ModelLayout model)
    {
        var indices = new Dictionary<string, int>();
        for (var i = 0; i < model.Inputs.Count; i++)
        {
            indices[model.Inputs[i].Name] = i;
        }

        return indices;
    }
}
