using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>The typed nested <c>Inputs</c>, <c>Outputs</c> and <c>State</c> of one step.</summary>
internal static class StepTypesEmitter
{
    /// <summary>The generated State class's summary, the same for both backends.</summary>
    internal const string StateSummary = "/// <summary>The recurrent state between steps: the center, each module's features and every inner recurrent layer's state (a GRU's hidden state; an LSTM's hidden state and cell), each [B, size].</summary>";

    public static void WriteInputs(CodeWriter w, ModelLayout model)
    {
        w.Line("/// <summary>The task inputs of one step, one tensor per input.</summary>");
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block("public sealed class Inputs"))
        {
            w.Line("/// <summary>Gathers the inputs of one step, checked against the spec's widths.</summary>");
            foreach (var input in model.Inputs)
            {
                w.Line($"/// <param name=\"{GeneratedNames.Parameter(input).TrimStart('@')}\">{Descriptions.Input(input, "B")}</param>");
            }

            var parameters = string.Join(", ", model.Inputs.Select(i => $"{Tensor} {GeneratedNames.Parameter(i)}"));
            using (w.Block($"public Inputs({parameters})"))
            {
                for (var i = 0; i < model.Inputs.Count; i++)
                {
                    var input = model.Inputs[i];
                    w.Line($"{input.CSharpName} = {InputChecks}.Step(Layout.Info, {Literals.Int(i)}, {GeneratedNames.Parameter(input)});");
                }
            }

            foreach (var input in model.Inputs)
            {
                w.Line();
                w.Line($"/// <summary>{Descriptions.Input(input, "B")}</summary>");
                w.Line($"public {Tensor} {input.CSharpName} {{ get; }}");
            }
        }
    }

    /// <param name="tensor">The backend's tensor type, fully qualified.</param>
    public static void WriteOutputs(CodeWriter w, ModelLayout model, string tensor = Tensor)
    {
        var outputs = OutputList.Of(model);
        w.Line("/// <summary>The outputs of one step: logits per output, null where an output is not due at that step.</summary>");
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block("public sealed class Outputs"))
        {
            using (w.Block($"internal Outputs({ReadOnlySpan}<{tensor}?> values)"))
            {
                for (var i = 0; i < outputs.Count; i++)
                {
                    w.Line($"{outputs[i].Output.CSharpName} = values[{Literals.Int(i)}];");
                }
            }

            foreach (var (module, _, output) in outputs)
            {
                w.Line();
                w.Line($"/// <summary>{Descriptions.Output(module, output)}</summary>");
                w.Line($"public {tensor}? {output.CSharpName} {{ get; }}");
            }
        }
    }
}
