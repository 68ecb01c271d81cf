using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// What a whole sequence gives back, by output name: <c>SequenceOutputs</c> (every output's logits with its
/// timing, from <c>Forward</c>) and <c>Losses</c> (every output's loss and the weighted total, from <c>ComputeLoss</c>).
/// </summary>
internal static class SequenceResultsEmitter
{
    public static void WriteOutputs(CodeWriter w, ModelLayout model)
    {
        var outputs = OutputList.Of(model);
        w.Line("/// <summary>The outputs of a whole sequence: logits at every step for `at: every` outputs, after the last step for `at: last` ones.</summary>");
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block("public sealed class SequenceOutputs"))
        {
            using (w.Block($"internal SequenceOutputs({ReadOnlySpan}<{Tensor}> values)"))
            {
                for (var i = 0; i < outputs.Count; i++)
                {
                    w.Line($"{outputs[i].Output.CSharpName} = values[{Literals.Int(i)}];");
                }
            }

            foreach (var (module, _, output) in outputs)
            {
                var shape = output.At == OutputTiming.Every
                    ? $"logits at every step, [T, B, {Literals.Int(output.Size)}]"
                    : $"logits after the last step, [B, {Literals.Int(output.Size)}]";
                w.Line();
                w.Line($"/// <summary>Output '{output.Name}' of module '{module.Name}': {shape}.</summary>");
                w.Line($"public {Tensor} {output.CSharpName} {{ get; }}");
            }
        }
    }

    public static void WriteLosses(CodeWriter w, ModelLayout model)
    {
        var outputs = OutputList.Of(model);
        w.Line("/// <summary>The losses of a batch: the weighted total that training differentiates, and each output's own loss and logits.</summary>");
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block("public sealed class Losses"))
        {
            using (w.Block($"internal Losses({LossResult} result)"))
            {
                w.Line("Total = result.Total;");
                w.Line("Outputs = new SequenceOutputs(result.Logits);");
                for (var i = 0; i < outputs.Count; i++)
                {
                    w.Line($"{outputs[i].Output.CSharpName} = result.PerOutput[{Literals.Int(i)}];");
                }
            }

            w.Line();
            w.Line("/// <summary>The sum of every output's loss times its weight: the scalar to differentiate.</summary>");
            w.Line($"public {Tensor} Total {{ get; }}");
            w.Line();
            w.Line("/// <summary>Every output's logits, with its timing.</summary>");
            w.Line("public SequenceOutputs Outputs { get; }");
            foreach (var (module, _, output) in outputs)
            {
                var weight = output.Weight == 1.0 ? "" : $", counted {Literals.Float(output.Weight).TrimEnd('f')} times in the total";
                w.Line();
                w.Line($"/// <summary>Output '{output.Name}' of module '{module.Name}': its mean {SpecWords.Loss.Word(output.Loss)} {(output.At == OutputTiming.Every ? "over every step" : "at the last step")} (a scalar){weight}.</summary>");
                w.Line($"public {Tensor} {output.CSharpName} {{ get; }}");
            }
        }
    }
}
