namespace ThalNet.Generators.Emit;

/// <summary>
/// The generated <c>State</c> class, the same on both backends but for the tensor types and how a zero state is made
/// (<see cref="StateBackend"/>): the names of the state tensors, a constructor over them, <c>Zeros</c>,
/// <c>Initialize</c> and one property per tensor.
/// </summary>
internal static class StatePrinter
{
    public static void Write(CodeWriter w, StepPlan plan, StateBackend backend)
    {
        var entries = plan.State;
        w.Line("/// <summary>The recurrent state between steps: the center, each module's features and every inner recurrent layer's state (a GRU's hidden state; an LSTM's hidden state and cell), each [B, size].</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
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
                    w.Line($"values[{Literals.Int(i)}] = {backend.Zeros(Size(plan, entries[i]))};");
                }
            }

            for (var i = 0; i < entries.Count; i++)
            {
                w.Line();
                w.Line($"/// <summary>{entries[i].Summary}: [B, {Literals.Int(entries[i].Width)}].</summary>");
                w.Line($"public {backend.Tensor} {entries[i].Property} => Values[{Literals.Int(i)}];");
            }
        }
    }

    /// <summary>A state tensor's width as generated code names it: the center's and the features' by their constants.</summary>
    private static string Size(StepPlan plan, StatePlanEntry entry) => entry.Role switch
    {
        StateRole.Center => "CenterSize",
        StateRole.Features => "Layout." + GeneratedNames.SizeConstant(plan.Modules[entry.Module!.Value]),
        _ => Literals.Int(entry.Width),
    };
}

/// <summary>What a backend's <c>State</c> class differs in.</summary>
/// <param name="Tensor">The backend's tensor type, fully qualified.</param>
/// <param name="ModelState">The backend's state base class that <c>State</c> derives from, fully qualified.</param>
/// <param name="NamesSummary">The doc summary of the state's tensor names.</param>
/// <param name="ZerosSummary">The doc summary of <c>Zeros</c>.</param>
/// <param name="ZerosSignature">The declaration line of <c>Zeros</c>.</param>
/// <param name="ZerosInitialize">The statement in <c>Zeros</c> that fills its <c>values</c> through <c>Initialize</c>.</param>
/// <param name="InitializeSignature">The declaration line of <c>Initialize</c>, which fills a span with zero tensors.</param>
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
