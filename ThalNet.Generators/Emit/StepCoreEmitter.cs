using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// The engine's step, printed from the plan: per sub-step, the fused reads in one product, then every module (under
/// <c>Runs(tape, m)</c>, so module-parallel workers split them) reads the previous center unless its read was fused,
/// runs its layers on [its inputs; context] and replaces its state; the new features form the next center. The heads
/// then read the features of the last sub-step. No loops over modules, no lookups.
/// </summary>
internal static class StepCoreEmitter
{
    public static void Write(CodeWriter w, StepPlan plan)
    {
        w.Line("/// <inheritdoc/>");
        using (w.Block($"protected override void StepCore({Tape} tape, {ReadOnlySpan}<{Tensor}> inputs, {ModelState} state, bool lastStep, {Span}<{Tensor}?> outputs)"))
        {
            StepBodyPrinter.Write(
                w,
                plan,
                declare => WriteSubstep(w, plan, declare),
                () => StepBodyPrinter.WriteHeads(w, plan, (head, features) => $"{head}.Forward(tape, {features})", module => $"Runs(tape, {Literals.Int(module)})"));
        }
    }

    /// <param name="w">The writer, inside <c>StepCore</c> (or its sub-step loop).</param>
    /// <param name="plan">The model's step plan: its reads, modules and state locals.</param>
    /// <param name="declare"><c>var </c> where the sub-step's reads are declared, empty where they are assigned again.</param>
    private static void WriteSubstep(CodeWriter w, StepPlan plan, string declare)
    {
        var center = GeneratedNames.StateLocal(plan.State[0]);
        if (plan.FusedReads is { } fused)
        {
            // Each member's result is already [inputs; context] for its module, so no concatenation follows.
            var prefixes = fused.Modules.Select(m => plan.Modules[m].InputIndices.IsEmpty ? "null" : Inputs(plan.Modules[m], context: null));
            w.Line($"{declare}{GeneratedNames.FusedReadsLocal} = {GeneratedNames.FusedReadsField}.Read(tape, {center}, [{string.Join(", ", prefixes)}]);");
        }

        // A read that gives its null weight runs before any module updates: the selection needs every module's.
        foreach (var module in plan.Substeps.UpdatingModules.Select(m => plan.Modules[m]).Where(m => m.Read.NullWeight))
        {
            w.Line($"{declare}{GeneratedNames.ContextLocal(module)} = {Read(plan, module, declare)};");
        }

        StepBodyPrinter.WriteActiveMask(w, plan, declare, (weights, k) => $"tape.ActiveMask([{weights}], {k})");
        foreach (var m in plan.Substeps.UpdatingModules)
        {
            var module = plan.Modules[m];
            using (w.Block($"if (Runs(tape, {Literals.Int(m)}))"))
            {
                // A module uses only its own previous state and the previous center, so it may replace its state right away.
                string x;
                if (module.Read.FusedSlot is { } slot)
                {
                    x = $"{GeneratedNames.FusedReadsLocal}[{Literals.Int(slot)}]";
                }
                else
                {
                    var context = GeneratedNames.ContextLocal(module);
                    if (!module.Read.NullWeight)
                    {
                        w.Line($"var {context} = {Read(plan, module, declare)};");
                    }

                    x = Inputs(module, context);
                }

                StepBodyPrinter.WriteKeptBefore(w, plan, module, "var ");
                StepBodyPrinter.WriteLayers(w, plan, module, x, (local, member, input, hidden, cell) =>
                {
                    var arguments = "tape, " + input + (hidden is null ? "" : ", " + hidden) + (cell is null ? "" : ", ref " + cell);
                    return $"var {local} = {member}.Forward({arguments});";
                });
                StepBodyPrinter.WriteStateWrites(w, plan, module);
                StepBodyPrinter.WriteKeepInactive(w, plan, module, (updated, kept, index) => $"tape.KeepInactive({updated}, {kept}, {GeneratedNames.ActiveMaskLocal}, {index})");
            }
        }

        w.Line($"{center} = Ablate(tape, tape.JoinCenter({string.Join(", ", plan.Modules.Select(m => GeneratedNames.StateLocal(plan.State[m.Features])))}));");
    }

    /// <summary>The module's read, with its null weight into its local when the plan asks for it.</summary>
    private static string Read(StepPlan plan, ModulePlan module, string declare)
    {
        var arguments = StepBodyPrinter.ReaderArguments(plan, module, "tape");
        return module.Read.NullWeight
            ? $"{module.CSharpName}.Read.Read({arguments}, out {declare}{GeneratedNames.NullWeightLocal(module)})"
            : $"{module.CSharpName}.Read.Read({arguments})";
    }

    /// <summary>The module's inputs (then its context, when given) as one tensor.</summary>
    private static string Inputs(ModulePlan module, string? context)
    {
        var parts = module.InputIndices.Select(i => $"inputs[{Literals.Int(i)}]").ToList();
        if (context is not null)
        {
            parts.Add(context);
        }

        return parts.Count == 1 ? parts[0] : $"tape.Concat(1, {string.Join(", ", parts)})";
    }
}
