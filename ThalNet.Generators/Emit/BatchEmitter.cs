using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// The typed batch of a model: <c>Batch</c> owns the buffers of B sequences of T steps and names them through
/// <c>BatchInputs</c> (one member per input) and <c>BatchTargets</c> (one member per output). Both are views of
/// the runtime's positional <c>SequenceBatch</c>, so the trainer and data sources fill the same memory.
/// </summary>
internal static class BatchEmitter
{
    public static void Write(CodeWriter w, StepPlan model)
    {
        WriteBatch(w);
        w.Line();
        WriteInputs(w, model);
        w.Line();
        WriteTargets(w, model);
    }

    /// <summary>The member type, buffer and description of an output's target: how its loss reads its target.</summary>
    private static (string Type, string Source, string Description) Target(HeadPlan head)
    {
        var description = string.Format(global::System.Globalization.CultureInfo.InvariantCulture, head.TargetSummary, "[T * B]");
        return head.Loss.Targets == TargetKind.ClassIndices
            ? ("int[]", $"sequences.Targets[{Literals.Int(head.Index)}]", description)
            : (Tensor, $"sequences.DenseTargets[{Literals.Int(head.Index)}]!", description);
    }

    private static void WriteBatch(CodeWriter w)
    {
        w.Lines("""
            /// <summary>
            /// B sequences of T steps, time-major: every input (<see cref="Inputs"/>) and the target of every output
            /// (<see cref="Targets"/>), by name. The buffers are allocated once and meant to be refilled for every batch.
            /// </summary>
            """);
        w.Line(GeneratedNames.GeneratedCodeAttribute);
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

    private static void WriteInputs(CodeWriter w, StepPlan model)
    {
        w.Line("/// <summary>The inputs of a <see cref=\"Batch\"/>, one member per input of the spec; each is a buffer to fill in place.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class BatchInputs"))
        {
            using (w.Block($"internal BatchInputs({SequenceBatch} sequences)"))
            {
                foreach (var input in model.Inputs)
                {
                    w.Line(input.Kind == InputKind.Tokens
                        ? $"{input.CSharpName} = sequences.Tokens[{Literals.Int(input.Index)}]!;"
                        : $"{input.CSharpName} = sequences.Dense[{Literals.Int(input.Index)}]!;");
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

    private static void WriteTargets(CodeWriter w, StepPlan model)
    {
        w.Line("/// <summary>The targets of a <see cref=\"Batch\"/>, one member per output of the spec; each is a buffer to fill in place.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class BatchTargets"))
        {
            using (w.Block($"internal BatchTargets({SequenceBatch} sequences)"))
            {
                foreach (var head in model.Heads)
                {
                    w.Line($"{head.CSharpName} = {Target(head).Source};");
                }
            }

            foreach (var head in model.Heads)
            {
                var (type, _, description) = Target(head);
                w.Line();
                w.Line($"/// <summary>{description}</summary>");
                w.Line($"public {type} {head.CSharpName} {{ get; }}");
            }
        }
    }
}
