using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// The typed batch of a model: <c>Batch</c> owns the buffers of B sequences of T steps and names them through
/// <c>BatchInputs</c> (one member per input) and <c>BatchTargets</c> (one member per output). Both are views of
/// the runtime's positional <c>SequenceBatch</c>, so the trainer and data sources fill the same memory.
/// </summary>
internal static class BatchEmitter
{
    public static void Write(CodeWriter w, ModelLayout model)
    {
        WriteBatch(w);
        w.Line();
        WriteInputs(w, model);
        w.Line();
        WriteTargets(w, model);
    }

    /// <summary>The member type and description of an output's target: how the loss of the output reads its target.</summary>
    public static (string Type, string Source, string Description) Target(ModuleLayout module, OutputLayout output, int index) => Catalog.Loss(output.Loss).Targets switch
    {
        TargetKind.ClassIndices => (
            "int[]",
            $"sequences.Targets[{Literals.Int(index)}]",
            $"Target of output '{output.Name}' of module '{module.Name}': class indices in [0, {Literals.Int(output.Size)}), " +
                (output.At == OutputTiming.Every ? "[T * B], time-major, one per step and sequence." : "[B], one per sequence, for the last step.")),
        TargetKind.Dense => (
            RuntimeTypes.Tensor,
            $"sequences.DenseTargets[{Literals.Int(index)}]!",
            $"Target of output '{output.Name}' of module '{module.Name}': dense values, " +
                (output.At == OutputTiming.Every ? $"[T, B, {Literals.Int(output.Size)}], one row per step and sequence." : $"[B, {Literals.Int(output.Size)}], one row per sequence, for the last step.")),
        var other => throw new InvalidOperationException($"No batch target is known for target kind {other} of output '{output.Name}'."),
    };

    private static void WriteBatch(CodeWriter w)
    {
        w.Lines("""
            /// <summary>
            /// B sequences of T steps, time-major: every input (<see cref="Inputs"/>) and the target of every output
            /// (<see cref="Targets"/>), by name. The buffers are allocated once and meant to be refilled for every batch.
            /// </summary>
            """);
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block("public sealed class Batch"))
        {
            w.Lines($$"""
                /// <summary>Allocates zeroed buffers for <paramref name="size"/> sequences of <paramref name="steps"/> steps.</summary>
                /// <param name="steps">T, the input steps of every sequence.</param>
                /// <param name="size">B, the number of sequences.</param>
                public Batch(int steps, int size)
                {
                    {{ArgumentOutOfRangeExceptionType}}.ThrowIfLessThan(steps, 1);
                    {{ArgumentOutOfRangeExceptionType}}.ThrowIfLessThan(size, 1);
                    Sequences = new {{SequenceBatch}}(Layout.Info, steps, size);
                    Inputs = new BatchInputs(Sequences);
                    Targets = new BatchTargets(Sequences);
                }

                /// <summary>T, the input steps of every sequence.</summary>
                public int Steps => Sequences.Steps;

                /// <summary>B, the number of sequences.</summary>
                public int Size => Sequences.Batch;

                /// <summary>The inputs, one member per input of the spec.</summary>
                public BatchInputs Inputs { get; }

                /// <summary>The targets, one member per output of the spec.</summary>
                public BatchTargets Targets { get; }

                /// <summary>The same buffers indexed by position, as the runtime's trainer and data sources fill them.</summary>
                public {{SequenceBatch}} Sequences { get; }
                """);
        }
    }

    private static void WriteInputs(CodeWriter w, ModelLayout model)
    {
        w.Line("/// <summary>The inputs of a <see cref=\"Batch\"/>, one member per input of the spec; each is a buffer to fill in place.</summary>");
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block("public sealed class BatchInputs"))
        {
            using (w.Block($"internal BatchInputs({SequenceBatch} sequences)"))
            {
                for (var i = 0; i < model.Inputs.Count; i++)
                {
                    var input = model.Inputs[i];
                    w.Line(input.Kind == InputKind.Tokens
                        ? $"{input.CSharpName} = sequences.Tokens[{Literals.Int(i)}]!;"
                        : $"{input.CSharpName} = sequences.Dense[{Literals.Int(i)}]!;");
                }
            }

            foreach (var input in model.Inputs)
            {
                w.Line();
                if (input.Kind == InputKind.Tokens)
                {
                    w.Line($"/// <summary>Input '{input.Name}': tokens in [0, {Literals.Int(input.Width)}), [T * B], time-major (step t of sequence b at t * B + b); fed one-hot.</summary>");
                    w.Line($"public int[] {input.CSharpName} {{ get; }}");
                }
                else
                {
                    w.Line($"/// <summary>Input '{input.Name}': dense values [T, B, {Literals.Int(input.Width)}], time-major; fill its <see cref=\"{Tensor}.Data\"/>.</summary>");
                    w.Line($"public {Tensor} {input.CSharpName} {{ get; }}");
                }
            }
        }
    }

    private static void WriteTargets(CodeWriter w, ModelLayout model)
    {
        var outputs = OutputList.Of(model);
        w.Line("/// <summary>The targets of a <see cref=\"Batch\"/>, one member per output of the spec; each is a buffer to fill in place.</summary>");
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block("public sealed class BatchTargets"))
        {
            using (w.Block($"internal BatchTargets({SequenceBatch} sequences)"))
            {
                for (var i = 0; i < outputs.Count; i++)
                {
                    w.Line($"{outputs[i].Output.CSharpName} = {Target(outputs[i].Module, outputs[i].Output, i).Source};");
                }
            }

            for (var i = 0; i < outputs.Count; i++)
            {
                var (type, _, description) = Target(outputs[i].Module, outputs[i].Output, i);
                w.Line();
                w.Line($"/// <summary>{description}</summary>");
                w.Line($"public {type} {outputs[i].Output.CSharpName} {{ get; }}");
            }
        }
    }
}
