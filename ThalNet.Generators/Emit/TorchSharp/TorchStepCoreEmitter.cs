using static ThalNet.Generators.Emit.TorchTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// The TorchSharp step, printed from the plan: per sub-step, every module reads the previous center with its own
/// reader (given the center and its features), runs its layers on [its inputs; context], and the new features form the
/// next center; the heads then read the features of the last sub-step. Reads the plan fuses run one by one here: a
/// TorchSharp static reader builds its matrix once per sequence instead.
/// </summary>
internal static class TorchStepCoreEmitter
{
    public static void Write(CodeWriter w, StepPlan plan)
    {
        w.Line("/// <inheritdoc/>");
        using (w.Block($"protected override void StepCore(global::System.ReadOnlySpan<{Tensor}> inputs, {ModelState} state, bool lastStep, global::System.Span<{Tensor}?> outputs)"))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(state);");
            StepBodyPrinter.Write(
                w,
                plan,
                declare => WriteSubstep(w, plan, declare),
                () => StepBodyPrinter.WriteHeads(w, plan, (head, features) => $"{head}.call({features})"));
        }
    }

    /// <param name="w">The writer, inside <c>StepCore</c> (or its sub-step loop).</param>
    /// <param name="plan">The model's step plan: its reads, modules and state locals.</param>
    /// <param name="declare"><c>var </c> where the sub-step's locals are declared, empty where they are assigned again.</param>
    private static void WriteSubstep(CodeWriter w, StepPlan plan, string declare)
    {
        var updating = plan.Substeps.UpdatingModules.Select(m => plan.Modules[m]).ToList();

        // A read that gives its null weight runs before any module updates: the selection needs every module's.
        foreach (var module in updating.Where(m => m.Read.NullWeight))
        {
            var arguments = StepBodyPrinter.ReaderArguments(plan, module);
            w.Line($"{declare}({GeneratedNames.ContextLocal(module)}, {GeneratedNames.NullWeightLocal(module)}) = {module.CSharpName}.Read.Read({arguments});");
        }

        StepBodyPrinter.WriteActiveMask(w, plan, declare, (weights, k) => $"{ActiveModules}.Mask(new[] {{ {weights} }}, {k})");
        foreach (var module in updating)
        {
            var context = GeneratedNames.ContextLocal(module);
            if (!module.Read.NullWeight)
            {
                w.Line($"{declare}{context} = {module.CSharpName}.Read.call({StepBodyPrinter.ReaderArguments(plan, module)});");
            }

            StepBodyPrinter.WriteKeptBefore(w, plan, module, declare);
            var x = module.InputIndices.IsEmpty ? context : Concat(module.InputIndices.Select(i => $"inputs[{Literals.Int(i)}]").Append(context));
            StepBodyPrinter.WriteLayers(w, plan, module, x, (local, member, input, hidden, cell) =>
            {
                var arguments = input + (hidden is null ? "" : ", " + hidden) + (cell is null ? "" : ", " + cell);
                return cell is null
                    ? $"{declare}{local} = {member}.call({arguments});"
                    : $"({declare}{local}, {cell}) = {member}.call({arguments});";
            });
        }

        // Every module reads the previous center, so no state is replaced before all have run.
        foreach (var module in updating)
        {
            StepBodyPrinter.WriteStateWrites(w, plan, module);
            StepBodyPrinter.WriteKeepInactive(w, plan, module, (updated, kept, index) => $"{ActiveModules}.KeepInactive({updated}, {kept}, {GeneratedNames.ActiveMaskLocal}, {index})");
        }

        w.Line($"{GeneratedNames.StateLocal(plan.State[0])} = Ablate({Concat(plan.Modules.Select(m => GeneratedNames.StateLocal(plan.State[m.Features])))});");
    }

    private static string Concat(IEnumerable<string> tensors) => $"{Torch}.cat(new[] {{ {string.Join(", ", tensors)} }}, 1)";
}
