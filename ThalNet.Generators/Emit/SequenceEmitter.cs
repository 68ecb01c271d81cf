using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// The typed entry points over <c>StepCore</c>: <c>Step</c> for one input step, <c>Forward</c> and <c>ComputeLoss</c>
/// for a whole sequence. Their parameters and locals (<c>tape</c>, <c>steps</c>, <c>batch</c>, ...) use reserved names, so
/// the parameters named after inputs never meet them.
/// </summary>
internal static class SequenceEmitter
{
    public static void WriteStep(CodeWriter w, StepPlan model)
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
            w.Line($"var outputs = new {Tensor}?[{Literals.Int(model.Heads.Count)}];");
            w.Line($"StepCore(tape, new[] {{ {string.Join(", ", model.Inputs.Select(i => "inputs." + i.CSharpName))} }}, state, lastStep, outputs);");
            w.Line("return new Outputs(outputs);");
        }
    }

    public static void WriteForward(CodeWriter w, StepPlan model)
    {
        var dense = model.Inputs.FirstOrDefault(i => i.Kind == InputKind.Dense);
        w.Line("/// <summary>");
        w.Line("/// Runs a whole sequence of T steps, time-major, and returns every output: at every step for `at: every` outputs,");
        w.Line("/// after the last step for `at: last` ones. The inputs are checked against the spec first.");
        w.Line("/// </summary>");
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
        w.Line("/// <returns>Every output's logits.</returns>");
        w.Line($"/// <exception cref=\"{ArgumentExceptionType}\">An input does not have the shape the spec gives it.</exception>");
        var parameters = model.Inputs.Select(i => $"{(i.Kind == InputKind.Tokens ? "int[]" : Tensor)} {GeneratedNames.Parameter(i)}").ToList();
        if (dense is null)
        {
            parameters.Add("int batch");
        }

        parameters.Add("State? state = null");
        using (w.Block($"public SequenceOutputs Forward({Tape} tape, {string.Join(", ", parameters)})"))
        {
            if (dense is not null)
            {
                var name = GeneratedNames.Parameter(dense);
                w.Line($"var shape = {InputChecks}.Dense(Layout.Info, {Literals.Int(dense.Index)}, {name}).Shape;");
                w.Line("var steps = shape[0];");
                w.Line("var batch = shape[1];");
            }
            else
            {
                var name = GeneratedNames.Parameter(model.Inputs[0]);
                w.Line($"{ArgumentNullExceptionType}.ThrowIfNull({name});");
                w.Line($"{ArgumentOutOfRangeExceptionType}.ThrowIfLessThan(batch, 1);");
                w.Line($"var steps = {name}.Length / batch;");
            }

            var denseArguments = model.Inputs.Select(i => i.Kind == InputKind.Dense ? GeneratedNames.Parameter(i) : "null");
            var tokenArguments = model.Inputs.Select(i => i.Kind == InputKind.Tokens ? GeneratedNames.Parameter(i) : "null");
            w.Line($"var logits = new {Tensor}[{Literals.Int(model.Heads.Count)}];");
            w.Line($"RunSequence(tape, new {Tensor}?[] {{ {string.Join(", ", denseArguments)} }}, new int[]?[] {{ {string.Join(", ", tokenArguments)} }}, steps, batch, state ?? State.Zeros(tape, batch), logits);");
            w.Line("return new SequenceOutputs(logits);");
        }
    }

    public static void WriteComputeLoss(CodeWriter w)
    {
        w.Lines($$"""
            /// <summary>
            /// Runs the sequences of <paramref name="batch"/> and computes every output's loss against its target, with the
            /// timing and weight the spec gives it.
            /// </summary>
            /// <param name="tape">Records the operations, for backpropagation.</param>
            /// <param name="batch">The inputs and targets.</param>
            /// <param name="state">The state to start from, updated in place (truncated backpropagation through time); zeros when null.</param>
            /// <returns>The weighted total to differentiate, and each output's loss and logits.</returns>
            public Losses ComputeLoss({{Tape}} tape, Batch batch, State? state = null)
            {
                {{ArgumentNullExceptionType}}.ThrowIfNull(batch);
                return new Losses(ComputeLoss(tape, batch.Sequences, state));
            }
            """);
    }
}
