namespace ThalNet.Generators.Emit;

/// <summary>
/// The generated <c>Losses</c> of either backend: the weighted total to differentiate and each output's own loss, by
/// output name, over the backend's loss result (<c>Total</c>, <c>PerOutput</c>, <c>Logits</c>).
/// </summary>
internal static class LossesPrinter
{
    /// <param name="w">Where the class is written.</param>
    /// <param name="plan">The model's plan; its heads name the members.</param>
    /// <param name="resultType">The backend's loss result type, which the constructor takes.</param>
    /// <param name="tensorType">The backend's tensor type.</param>
    /// <param name="logits">The expression that turns <c>result.Logits</c> into the <c>SequenceOutputs</c> constructor's argument.</param>
    public static void Write(CodeWriter w, StepPlan plan, string resultType, string tensorType, string logits)
    {
        w.Line("/// <summary>The losses of a batch: the weighted total that training differentiates, and each output's own loss and logits.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class Losses"))
        {
            using (w.Block($"internal Losses({resultType} result)"))
            {
                w.Line("Total = result.Total;");
                w.Line($"Outputs = new SequenceOutputs({logits});");
                foreach (var head in plan.Heads)
                {
                    w.Line($"{head.CSharpName} = result.PerOutput[{Literals.Int(head.Index)}];");
                }
            }

            w.Line();
            w.Line("/// <summary>The sum of every output's loss times its weight: the scalar to differentiate.</summary>");
            w.Line($"public {tensorType} Total {{ get; }}");
            w.Line();
            w.Line("/// <summary>Every output's logits, with its timing.</summary>");
            w.Line("public SequenceOutputs Outputs { get; }");
            foreach (var head in plan.Heads)
            {
                w.Line();
                w.Line($"/// <summary>{head.LossSummary}</summary>");
                w.Line($"public {tensorType} {head.CSharpName} {{ get; }}");
            }
        }
    }
}
