namespace ThalNet.Generators.Emit;

/// <summary>
/// The outputs by name, the same on both backends but for the tensor type: <c>Outputs</c> (one step's, null where an
/// output is not due) and <c>SequenceOutputs</c> (a whole sequence's, each with its timing).
/// </summary>
internal static class OutputTypesPrinter
{
    /// <param name="w">The writer of the model's source file.</param>
    /// <param name="plan">The model's step plan: its outputs (heads) in order.</param>
    /// <param name="tensor">The backend's tensor type, fully qualified.</param>
    public static void WriteStepOutputs(CodeWriter w, StepPlan plan, string tensor)
    {
        w.Line("/// <summary>The outputs of one step: logits per output, null where an output is not due at that step.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class Outputs"))
        {
            using (w.Block($"internal Outputs(global::System.ReadOnlySpan<{tensor}?> values)"))
            {
                foreach (var head in plan.Heads)
                {
                    w.Line($"{head.CSharpName} = values[{Literals.Int(head.Index)}];");
                }
            }

            foreach (var head in plan.Heads)
            {
                w.Line();
                w.Line($"/// <summary>{head.Summary}</summary>");
                w.Line($"public {tensor}? {head.CSharpName} {{ get; }}");
            }
        }
    }

    /// <param name="w">The writer of the model's source file.</param>
    /// <param name="plan">The model's step plan: its outputs (heads) in order.</param>
    /// <param name="tensor">The backend's tensor type, fully qualified.</param>
    public static void WriteSequenceOutputs(CodeWriter w, StepPlan plan, string tensor)
    {
        w.Line("/// <summary>The outputs of a whole sequence: logits at every step for `at: every` outputs, after the last step for `at: last` ones.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class SequenceOutputs"))
        {
            using (w.Block($"internal SequenceOutputs(global::System.ReadOnlySpan<{tensor}> values)"))
            {
                foreach (var head in plan.Heads)
                {
                    w.Line($"{head.CSharpName} = values[{Literals.Int(head.Index)}];");
                }
            }

            foreach (var (module, head) in GeneratedNames.Heads(plan))
            {
                var shape = head.At == OutputTiming.Every
                    ? $"logits at every step, [T, B, {Literals.Int(head.Size)}]"
                    : $"logits after the last step, [B, {Literals.Int(head.Size)}]";
                w.Line();
                w.Line($"/// <summary>Output '{head.Name}' of module '{module.Name}': {shape}.</summary>");
                w.Line($"public {tensor} {head.CSharpName} {{ get; }}");
            }
        }
    }
}
