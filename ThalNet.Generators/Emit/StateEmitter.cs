using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>
/// The generated <c>State</c> class, the same on both backends but for the tensor types and how a zero state is made
/// (<see cref="StateBackend"/>): the names of the state tensors, a constructor over them, <c>Zeros</c>,
/// <c>Initialize</c> and one property per tensor.
/// </summary>
internal static class StateEmitter
{
    /// <summary>The engine's state: tensors on a tape.</summary>
    public static StateBackend Engine { get; } = new(
        Tensor,
        ModelState,
        "The runtime names of the state tensors, in order.",
        "A zero state for <paramref name=\"batch\"/> sequences, the state before the first step.",
        $"public static State Zeros({Tape} tape, int batch)",
        "Initialize(tape, batch, values);",
        $"internal static void Initialize({Tape} tape, int batch, {Span}<{Tensor}> values)",
        size => $"tape.Zeros({Shape}.Of(batch, {size}))");

    public static void Write(CodeWriter w, IReadOnlyList<StateEntry> entries, StateBackend backend)
    {
        w.Line(StepTypesEmitter.StateSummary);
        w.Line(ModelEmitter.GeneratedCodeAttribute);
        using (w.Block($"public sealed class State : {backend.ModelState}"))
        {
            w.Line($"/// <summary>{backend.NamesSummary}</summary>");
            w.Line($"internal static readonly string[] TensorNames = {{ {string.Join(", ", entries.Select(e => Literals.String(e.Name)))} }};");
            w.Line();
            w.Line($"/// <summary>Wraps state tensors given in the order of <see cref=\"{backend.ModelState}.Names\"/>.</summary>");
            w.Line($"/// <param name=\"values\">{Literals.Int(entries.Count)} tensors: {string.Join(", ", entries.Select(e => e.Name))}.</param>");
            w.Line($"public State({backend.Tensor}[] values)");
            w.Line("    : base(TensorNames, values)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line($"/// <summary>{backend.ZerosSummary}</summary>");
            using (w.Block(backend.ZerosSignature))
            {
                w.Line($"var values = new {backend.Tensor}[{Literals.Int(entries.Count)}];");
                w.Line(backend.ZerosInitialize);
                w.Line("return new State(values);");
            }

            w.Line();
            using (w.Block(backend.InitializeSignature))
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    w.Line($"values[{Literals.Int(i)}] = {backend.Zeros(entries[i].Size)};");
                }
            }

            for (var i = 0; i < entries.Count; i++)
            {
                w.Line();
                w.Line($"/// <summary>{entries[i].Description}: [B, {Literals.Int(entries[i].Width)}].</summary>");
                w.Line($"public {backend.Tensor} {entries[i].Property} => Values[{Literals.Int(i)}];");
            }
        }
    }
}

/// <summary>What a backend's <c>State</c> class differs in.</summary>
/// <param name="Zeros">One zero tensor of [batch, the given size], as an expression.</param>
internal sealed record StateBackend(
    string Tensor,
    string ModelState,
    string NamesSummary,
    string ZerosSummary,
    string ZerosSignature,
    string ZerosInitialize,
    string InitializeSignature,
    Func<string, string> Zeros);
