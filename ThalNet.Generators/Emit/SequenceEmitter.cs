using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// The typed entry points over <c>StepCore</c>: <c>Step</c> for one input step and <c>Forward</c> for a whole
/// sequence. Their parameters and locals (<c>tape</c>, <c>steps</c>, <c>batch</c>, ...) use reserved names, so
/// the parameters named after inputs never meet them.
/// </summary>
internal static class SequenceEmitter
{
    public static void WriteStep(CodeWriter w, ModelLayout model)
    {
        w.Lines("""
            /// <summary>Runs one input step through every sub-step and module.</summary>
            /// <param name="tape">Records the operations, for backpropagation.</param>
            /// <param name="inputs">The inputs of this step.</param>
            /// <param name="state">The state after the previous step (<see cref="State.Zeros"/> before the first); updated in place.</param>
            /// <param name="lastStep">Whether this is the last step of the sequence: outputs trained at the last step are computed only then.</param>
            /// <returns>The outputs due at this step.</returns>
            """);
        using (w.Block($"public Outputs Step({Tape} tape, Inputs inputs, State state, bool lastStep = true)"))
        {
            w.Line($"var outputs = new {Tensor}?[{Literals.Int(OutputCount(model))}];");
            w.Line($"StepCore(tape, new[] {{ {string.Join(", ", model.Inputs.Select(i => "inputs." + i.CSharpName))} }}, state, lastStep, outputs);");
            w.Line("return new Outputs(outputs);");
        }
    }

    public static void WriteForward(CodeWriter w, ModelLayout model)
    {
        var dense = model.Inputs.FirstOrDefault(i => i.Kind == InputKind.Dense);
        w.Line("/// <summary>Runs a whole sequence of T steps, time-major, and returns the outputs of its last step.</summary>");
        w.Line("/// <param name=\"tape\">Records the operations, for backpropagation.</param>");
        foreach (var input in model.Inputs)
        {
            var name = GeneratedNames.Parameter(input).TrimStart('@');
            w.Line(input.Kind == InputKind.Tokens
                ? $"/// <param name=\"{name}\">Input '{input.Name}': tokens [T * B], time-major, each in [0, {Literals.Int(input.Width)}), fed one-hot.</param>"
                : $"/// <param name=\"{name}\">Input '{input.Name}': dense values [T, B, {Literals.Int(input.Width)}].</param>");
        }

        if (dense is null)
        {
            w.Line("/// <param name=\"batch\">B, the number of sequences.</param>");
        }

        w.Line("/// <param name=\"state\">The state to start from, updated in place; zeros when null.</param>");
        w.Line("/// <returns>The outputs of the last step.</returns>");
        var parameters = model.Inputs.Select(i => $"{(i.Kind == InputKind.Tokens ? "int[]" : Tensor)} {GeneratedNames.Parameter(i)}").ToList();
        if (dense is null)
        {
            parameters.Add("int batch");
        }

        parameters.Add("State? state = null");
        using (w.Block($"public Outputs Forward({Tape} tape, {string.Join(", ", parameters)})"))
        {
            if (dense is not null)
            {
                var name = GeneratedNames.Parameter(dense);
                w.Line($"var steps = {name}.Shape[0];");
                w.Line($"var batch = {name}.Shape[1];");
            }
            else
            {
                using (w.Block("if (batch < 1)"))
                {
                    w.Line($"throw new {ArgumentOutOfRangeExceptionType}(nameof(batch), batch, \"A batch holds at least one sequence.\");");
                }

                w.Line();
                w.Line($"var steps = {GeneratedNames.Parameter(model.Inputs[0])}.Length / batch;");
            }

            foreach (var tokens in model.Inputs.Where(i => i.Kind == InputKind.Tokens))
            {
                var name = GeneratedNames.Parameter(tokens);
                using (w.Block($"if ({name}.Length != steps * batch)"))
                {
                    w.Line($"throw new {ArgumentExceptionType}($\"Input '{tokens.Name}' holds {{{name}.Length}} tokens, but {{steps}} steps of {{batch}} sequences need {{steps * batch}}.\", nameof({name}));");
                }

                w.Line();
            }

            w.Line("state ??= State.Zeros(tape, batch);");
            w.Line($"var inputs = new {Tensor}[{Literals.Int(model.Inputs.Count)}];");
            w.Line($"var outputs = new {Tensor}?[{Literals.Int(OutputCount(model))}];");
            using (w.Block("for (var step = 0; step < steps; step++)"))
            {
                for (var i = 0; i < model.Inputs.Count; i++)
                {
                    var input = model.Inputs[i];
                    var name = GeneratedNames.Parameter(input);
                    w.Line(input.Kind == InputKind.Tokens
                        ? $"inputs[{Literals.Int(i)}] = tape.OneHot(global::System.MemoryExtensions.AsSpan({name}, step * batch, batch), {Literals.Int(input.Width)});"
                        : $"inputs[{Literals.Int(i)}] = tape.Select({name}, step);");
                }

                w.Line("StepCore(tape, inputs, state, step == steps - 1, outputs);");
            }

            w.Line();
            w.Line("return new Outputs(outputs);");
        }
    }

    private static int OutputCount(ModelLayout model) => model.Modules.Sum(m => m.Outputs.Count);
}
