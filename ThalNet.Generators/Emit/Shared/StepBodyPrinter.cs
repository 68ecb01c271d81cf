namespace ThalNet.Generators.Emit;

/// <summary>
/// The frame of <c>StepCore</c> on every backend: the state into locals, the sub-steps (written out, or one loop, as
/// the plan says), the locals back into the state, then the heads. What a sub-step and a head's call look like is
/// the backend's.
/// </summary>
internal static class StepBodyPrinter
{
    /// <param name="w">The writer, inside the body of <c>StepCore</c>.</param>
    /// <param name="plan">The model's step plan: its state, sub-steps and heads.</param>
    /// <param name="writeSubstep">Writes one sub-step, given <c>var </c> where its locals are first declared.</param>
    /// <param name="writeOutputs">Writes the heads' calls after the state is stored back (the backend's <see cref="WriteHeads"/>).</param>
    public static void Write(CodeWriter w, StepPlan plan, Action<string> writeSubstep, Action writeOutputs)
    {
        w.Line("var values = state.Values;");
        for (var i = 0; i < plan.State.Count; i++)
        {
            w.Line($"var {GeneratedNames.StateLocal(plan.State[i])} = values[{Literals.Int(i)}];");
        }

        var substeps = plan.Substeps;
        var update = substeps.Active is { } active
            ? $"every module reads the previous center, then per example the {Literals.Int(active.K)} whose reads weigh the null slot least update."
            : "every module reads the previous center.";
        if (substeps.Unrolled)
        {
            for (var substep = 1; substep <= substeps.Count; substep++)
            {
                w.Line();
                w.Line($"// Sub-step {Literals.Int(substep)} of {Literals.Int(substeps.Count)}: {update}");
                writeSubstep(substep == 1 ? "var " : "");
            }
        }
        else
        {
            w.Line();
            w.Line($"// {Literals.Int(substeps.Count)} sub-steps: in each, {update}");
            using (w.Block("for (var substep = 0; substep < Substeps; substep++)"))
            {
                writeSubstep("var ");
            }
        }

        w.Line();
        for (var i = 0; i < plan.State.Count; i++)
        {
            w.Line($"values[{Literals.Int(i)}] = {GeneratedNames.StateLocal(plan.State[i])};");
        }

        w.Line();
        writeOutputs();
    }

    /// <summary>
    /// Heads read the features after the last sub-step: <c>at: every</c> heads at every step, <c>at: last</c> heads
    /// only at the last. <paramref name="call"/> writes one head's call on the module's features;
    /// <paramref name="runs"/>, where given, the condition under which this worker computes a head of module m.
    /// </summary>
    public static void WriteHeads(CodeWriter w, StepPlan plan, Func<string, string, string> call, Func<int, string>? runs = null)
    {
        void Head(HeadPlan head)
        {
            var module = plan.Modules[head.Module];
            var assignment = $"outputs[{Literals.Int(head.Index)}] = {call($"{module.CSharpName}.{head.CSharpName}", GeneratedNames.StateLocal(plan.State[module.Features]))};";
            if (runs is null)
            {
                w.Line(assignment);
                return;
            }

            using (w.Block($"if ({runs(head.Module)})"))
            {
                w.Line(assignment);
            }
        }

        foreach (var head in plan.Heads.Where(h => h.At == OutputTiming.Every))
        {
            Head(head);
        }

        if (plan.Heads.Any(h => h.At == OutputTiming.Last))
        {
            using (w.Block("if (lastStep)"))
            {
                foreach (var head in plan.Heads.Where(h => h.At == OutputTiming.Last))
                {
                    Head(head);
                }
            }
        }
    }

    /// <summary>
    /// The module's layers, each on the previous one's output (the first on <paramref name="x"/>): <paramref name="call"/>
    /// writes one layer's statement given its local, member, input, hidden state local (or null) and cell state local (or null).
    /// </summary>
    public static void WriteLayers(CodeWriter w, StepPlan plan, ModulePlan module, string x, Func<string, string, string, string?, string?, string> call)
    {
        foreach (var layer in module.Layers)
        {
            var local = GeneratedNames.LayerLocal(module, layer);
            var hidden = layer.Hidden is { } h ? GeneratedNames.StateLocal(plan.State[h]) : null;
            var cell = layer.Cell is { } c ? GeneratedNames.StateLocal(plan.State[c]) : null;
            w.Line(call(local, $"{module.CSharpName}.{layer.Member}", x, hidden, cell));
            x = local;
        }
    }

    /// <summary>The state entries the module's layers replace once it has run (its features first).</summary>
    public static void WriteStateWrites(CodeWriter w, StepPlan plan, ModulePlan module)
    {
        foreach (var write in module.Writes)
        {
            w.Line($"{GeneratedNames.StateLocal(plan.State[write.State])} = {GeneratedNames.LayerLocal(module, module.Layers[write.Layer])};");
        }
    }

    /// <summary>
    /// The sub-step's selection when the modules compete: the mask of the k modules per example whose reads (each
    /// already printed, giving its null weight) put the least weight on the null slot. <paramref name="mask"/> prints the
    /// backend's call given the null weights and k; the model's <c>RecordActive</c> makes it observable.
    /// </summary>
    public static void WriteActiveMask(CodeWriter w, StepPlan plan, string declare, Func<string, string, string> mask)
    {
        if (plan.Substeps.Active is { } active)
        {
            var weights = string.Join(", ", plan.Substeps.UpdatingModules.Select(m => GeneratedNames.NullWeightLocal(plan.Modules[m])));
            w.Line($"{declare}{GeneratedNames.ActiveMaskLocal} = RecordActive({mask(weights, Literals.Int(active.K))});");
        }
    }

    /// <summary>The module's state before its update, which it keeps where it is not active (nothing when the modules do not compete).</summary>
    public static void WriteKeptBefore(CodeWriter w, StepPlan plan, ModulePlan module, string declare)
    {
        foreach (var state in KeptStates(plan, module))
        {
            w.Line($"{declare}{GeneratedNames.KeptLocal(plan.State[state])} = {GeneratedNames.StateLocal(plan.State[state])};");
        }
    }

    /// <summary>Each state entry of the module takes its new value where the module is active and its kept one where not: <paramref name="keep"/> prints the backend's call given the new value, the kept one and the module index.</summary>
    public static void WriteKeepInactive(CodeWriter w, StepPlan plan, ModulePlan module, Func<string, string, string, string> keep)
    {
        foreach (var state in KeptStates(plan, module))
        {
            var local = GeneratedNames.StateLocal(plan.State[state]);
            w.Line($"{local} = {keep(local, GeneratedNames.KeptLocal(plan.State[state]), Literals.Int(module.Index))};");
        }
    }

    private static IEnumerable<int> KeptStates(StepPlan plan, ModulePlan module)
        => plan.Substeps.Active is { } active ? active.Kept.Where(k => k.Module == module.Index).SelectMany(k => k.States) : Enumerable.Empty<int>();

    /// <summary>The reader's arguments, as the plan lists them, after <paramref name="leading"/> (the engine's tape).</summary>
    public static string ReaderArguments(StepPlan plan, ModulePlan module, string leading = "")
    {
        var arguments = new List<string>();
        if (leading.Length > 0)
        {
            arguments.Add(leading);
        }

        if (module.Read.Arguments.HasFlag(ReaderInputs.Center))
        {
            arguments.Add(GeneratedNames.StateLocal(plan.State[0]));
        }

        if (module.Read.Arguments.HasFlag(ReaderInputs.Features))
        {
            arguments.Add(GeneratedNames.StateLocal(plan.State[module.Features]));
        }

        return string.Join(", ", arguments);
    }
}
