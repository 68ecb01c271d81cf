using static ThalNet.Generators.Emit.TorchTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// The typed batch of a TorchSharp model, named as the engine's: <c>Batch</c> owns tensors for B sequences of T steps
/// on one device, named through <c>BatchInputs</c> (one member per input) and <c>BatchTargets</c> (one member per
/// output), and <c>Losses</c>, what <c>ComputeLoss</c> gives back by output name.
/// </summary>
internal static class TorchBatchEmitter
{
    public static void Write(CodeWriter w, StepPlan plan)
    {
        WriteBatch(w);
        w.Line();
        WriteInputs(w, plan);
        w.Line();
        WriteTargets(w, plan);
    }

    private static void WriteBatch(CodeWriter w)
    {
        w.Lines("""
            /// <summary>
            /// B sequences of T steps, time-major: every input (<see cref="Inputs"/>) and the target of every output
            /// (<see cref="Targets"/>), by name, as tensors on one device. They are allocated once and meant to be refilled
            /// in place (<c>copy_</c>) for every batch; they belong to the batch, not to a dispose scope: dispose the batch to free them.
            /// </summary>
            """);
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class Batch : global::System.IDisposable"))
        {
            w.Lines($$"""
                /// <summary>Allocates zeroed tensors for <paramref name="size"/> sequences of <paramref name="steps"/> steps on <paramref name="device"/> (the CPU when null).</summary>
                /// <param name="steps">T, the input steps of every sequence.</param>
                /// <param name="size">B, the number of sequences.</param>
                /// <param name="device">Where the tensors live: the model's device.</param>
                public Batch(long steps, long size, {{Device}}? device = null)
                {
                    global::System.ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
                    global::System.ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
                    Steps = steps;
                    Size = size;
                    Inputs = new BatchInputs(steps, size, device ?? {{Torch}}.CPU);
                    Targets = new BatchTargets(steps, size, device ?? {{Torch}}.CPU);
                }

                /// <summary>T, the input steps of every sequence.</summary>
                public long Steps { get; }

                /// <summary>B, the number of sequences.</summary>
                public long Size { get; }

                /// <summary>The inputs, one member per input of the spec.</summary>
                public BatchInputs Inputs { get; }

                /// <summary>The targets, one member per output of the spec.</summary>
                public BatchTargets Targets { get; }

                /// <summary>Frees every tensor of the batch.</summary>
                public void Dispose()
                {
                    ((global::System.IDisposable)Inputs).Dispose();
                    ((global::System.IDisposable)Targets).Dispose();
                }
                """);
        }
    }

    private static void WriteInputs(CodeWriter w, StepPlan plan)
    {
        w.Line("/// <summary>The inputs of a <see cref=\"Batch\"/>, one member per input of the spec; each is a tensor to fill in place.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class BatchInputs : global::System.IDisposable"))
        {
            using (w.Block($"internal BatchInputs(long steps, long size, {Device} device)"))
            {
                foreach (var input in plan.Inputs)
                {
                    w.Line(input.Kind == InputKind.Tokens
                        ? $"{input.CSharpName} = {Torch}.zeros(steps, size, dtype: {ScalarType}.Int64, device: device).DetachFromDisposeScope();"
                        : $"{input.CSharpName} = {Torch}.zeros(steps, size, {Literals.Int(input.Width)}, device: device).DetachFromDisposeScope();");
                }
            }

            foreach (var input in plan.Inputs)
            {
                w.Line();
                w.Line(input.Kind == InputKind.Tokens
                    ? $"/// <summary>Input '{input.Name}': tokens in [0, {Literals.Int(input.Width)}), [T, B] int64; fed one-hot.</summary>"
                    : $"/// <summary>Input '{input.Name}': dense values [T, B, {Literals.Int(input.Width)}] float32.</summary>");
                w.Line($"public {Tensor} {input.CSharpName} {{ get; }}");
            }

            w.Line();
            WriteDispose(w, plan.Inputs.Select(i => i.CSharpName));
        }
    }

    private static void WriteTargets(CodeWriter w, StepPlan plan)
    {
        w.Line("/// <summary>The targets of a <see cref=\"Batch\"/>, one member per output of the spec; each is a tensor to fill in place.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class BatchTargets : global::System.IDisposable"))
        {
            using (w.Block($"internal BatchTargets(long steps, long size, {Device} device)"))
            {
                foreach (var head in plan.Heads)
                {
                    var rows = head.At == OutputTiming.Every ? "steps, size" : "size";
                    w.Line(head.Loss.Targets == TargetKind.ClassIndices
                        ? $"{head.CSharpName} = {Torch}.zeros({rows}, dtype: {ScalarType}.Int64, device: device).DetachFromDisposeScope();"
                        : $"{head.CSharpName} = {Torch}.zeros({rows}, {Literals.Int(head.Size)}, device: device).DetachFromDisposeScope();");
                }
            }

            foreach (var head in plan.Heads)
            {
                w.Line();
                w.Line($"/// <summary>{string.Format(global::System.Globalization.CultureInfo.InvariantCulture, head.TargetSummary, "[T, B]")}</summary>");
                w.Line($"public {Tensor} {head.CSharpName} {{ get; }}");
            }

            w.Line();
            WriteDispose(w, plan.Heads.Select(h => h.CSharpName));
        }
    }

    private static void WriteDispose(CodeWriter w, IEnumerable<string> members)
    {
        // Explicit, so an input or output named 'dispose' keeps its member name.
        w.Line("/// <summary>Frees the tensors.</summary>");
        using (w.Block("void global::System.IDisposable.Dispose()"))
        {
            foreach (var member in members)
            {
                w.Line($"{member}.Dispose();");
            }
        }
    }
}
