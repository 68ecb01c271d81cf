using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>The engine's <c>Losses</c>: every output's loss and the weighted total, from <c>ComputeLoss</c>, over the runtime's <c>LossResult</c>.</summary>
internal static class SequenceResultsEmitter
{
    public static void WriteLosses(CodeWriter w, StepPlan plan)
    {
        w.Line("/// <summary>The losses of a batch: the weighted total that training differentiates, and each output's own loss and logits.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class Losses"))
        {
            using (w.Block($"internal Losses({LossResult} result)"))
            {
                w.Line("Total = result.Total;");
                w.Line("Outputs = new SequenceOutputs(result.Logits);");
                foreach (var head in plan.Heads)
                {
                    w.Line($"{head.CSharpName} = result.PerOutput[{Literals.Int(head.Index)}];");
                }
            }

            w.Line();
            w.Line("/// <summary>The sum of every output's loss times its weight: the scalar to differentiate.</summary>");
            w.Line($"public {Tensor} Total {{ get; }}");
            w.Line();
            w.Line("/// <summary>Every output's logits, with its timing.</summary>");
            w.Line("public SequenceOutputs Outputs { get; }");
            foreach (var head in plan.Heads)
            {
                w.Line();
                w.Line($"/// <summary>{head.LossSummary}</summary>");
                w.Line($"public {Tensor} {head.CSharpName} {{ get; }}");
            }
        }
    }
}
