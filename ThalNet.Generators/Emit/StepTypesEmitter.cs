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

            foreach (var (module, output) in outputs)
            {
                w.Line();
                w.Line($"/// <summary>{Descriptions.Output(module, output)}</summary>");
                w.Line($"public {tensor}? {output.CSharpName} {{ get; }}");
            }
        }
    }

    public static void WriteState(CodeWriter w, IReadOnlyList<StateEntry> entries)
    {
        w.Line(StateSummary);
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block($"public sealed class State : {ModelState}"))
        {
            w.Line("/// <summary>The runtime names of the state tensors, in order.</summary>");
            w.Line($"internal static readonly string[] TensorNames = {{ {string.Join(", ", entries.Select(e => Literals.String(e.Name)))} }};");
            w.Line();
            w.Line($"/// <summary>Wraps state tensors given in the order of <see cref=\"{ModelState}.Names\"/>.</summary>");
            w.Line($"/// <param name=\"values\">{Literals.Int(entries.Count)} tensors: {string.Join(", ", entries.Select(e => e.Name))}.</param>");
            w.Line($"public State({Tensor}[] values)");
            w.Line("    : base(TensorNames, values)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>A zero state for <paramref name=\"batch\"/> sequences, the state before the first step.</summary>");
            using (w.Block($"public static State Zeros({Tape} tape, int batch)"))
            {
                w.Line($"var values = new {Tensor}[{Literals.Int(entries.Count)}];");
                w.Line("Initialize(tape, batch, values);");
                w.Line("return new State(values);");
            }

            w.Line();
            using (w.Block($"internal static void Initialize({Tape} tape, int batch, {Span}<{Tensor}> values)"))
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    w.Line($"values[{Literals.Int(i)}] = tape.Zeros({Shape}.Of(batch, {entries[i].Size}));");
                }
            }

            for (var i = 0; i < entries.Count; i++)
            {
                w.Line();
                w.Line($"/// <summary>{entries[i].Description}: [B, {Literals.Int(entries[i].Width)}].</summary>");
                w.Line($"public {Tensor} {entries[i].Property} => Values[{Literals.Int(i)}];");
            }
        }
    }
}
