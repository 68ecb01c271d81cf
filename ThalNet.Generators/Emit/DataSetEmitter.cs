namespace ThalNet.Generators.Emit;

/// <summary>
/// The typed in-memory data set of a model: <c>DataSet</c>, a runtime <c>ExampleSet</c> whose constructor takes one
/// array per input and per output by its spec name, with the array type its kind needs (dense or tokens, class or
/// dense target, per step or last). The runtime type checks the shapes and feeds the trainer.
/// </summary>
internal static class DataSetEmitter
{
    private const string ExampleSet = "global::ThalNet.Runtime.Training.ExampleSet";
    private const string SequenceLayout = "global::ThalNet.Runtime.Training.SequenceLayout";
    private const string ArrayType = "global::System.Array";

    public static void Write(CodeWriter w, StepPlan model)
    {
        var inputs = model.Inputs.Select(i => (Parameter: GeneratedNames.Parameter(i), Type: i.Kind == InputKind.Tokens ? "int[,]" : "float[,,]", Doc: InputDoc(i))).ToList();
        var taken = new HashSet<string>(inputs.Select(i => i.Parameter.TrimStart('@')), StringComparer.Ordinal);
        var targets = model.Heads.Select(h => (Parameter: TargetParameter(h, taken), Type: TargetType(h), Doc: TargetDoc(h))).ToList();
        var layout = taken.Contains("layout") ? "arrayLayout" : "layout";

        w.Lines("""
            /// <summary>
            /// N examples of T steps held in memory, every input and target by its spec name, checked against the spec
            /// when constructed; give it to the trainer, <c>Evaluate</c> or the model report, or split it with <c>Split</c>.
            /// </summary>
            """);
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block($"public sealed class DataSet : {ExampleSet}"))
        {
            w.Line("/// <summary>Checks every array's shape against the spec and copies it; time-major arrays unless <paramref name=\"" + layout + "\"/> says otherwise.</summary>");
            foreach (var (parameter, _, doc) in inputs.Concat(targets))
            {
                w.Line($"/// <param name=\"{parameter.TrimStart('@')}\">{doc}</param>");
            }

            w.Line($"/// <param name=\"{layout}\">How the step and example axes of every array are ordered (batch-first swaps T and N).</param>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">An array is missing, has another width or size than the spec, disagrees with the others on N or T, or holds a token or class out of range; the message names the input or output.</exception>");
            var parameters = inputs.Concat(targets).Select(p => $"{p.Type} {p.Parameter}").Append($"{SequenceLayout} {layout} = {SequenceLayout}.TimeMajor");
            w.Line($"public DataSet({string.Join(", ", parameters)})");
            w.Line($"    : base(Layout.Info, {layout}, new {ArrayType}[] {{ {string.Join(", ", inputs.Select(i => i.Parameter))} }}, new {ArrayType}[] {{ {string.Join(", ", targets.Select(t => t.Parameter))} }})");
            w.Line("{");
            w.Line("}");
        }
    }

    private static string TargetParameter(HeadPlan output, HashSet<string> taken)
    {
        var camel = GeneratedNames.Camel(output.CSharpName);
        var name = taken.Contains(camel) ? camel + "Target" : camel;
        taken.Add(name);
        return CSharpKeywords.IsKeyword(name) ? "@" + name : name;
    }

    private static string TargetType(HeadPlan output) => (output.Loss.Targets == TargetKind.Dense, output.At == OutputTiming.Every) switch
    {
        (true, true) => "float[,,]",
        (true, false) => "float[,]",
        (false, true) => "int[,]",
        (false, false) => "int[]",
    };

    private static string InputDoc(InputPlan input) => input.Kind == InputKind.Tokens
        ? $"Input '{input.Name}': tokens in [0, {Literals.Int(input.Width)}), [T, N] (batch-first [N, T])."
        : $"Input '{input.Name}': dense values [T, N, {Literals.Int(input.Width)}] (batch-first [N, T, {Literals.Int(input.Width)}]).";

    private static string TargetDoc(HeadPlan output) => (output.Loss.Targets == TargetKind.Dense, output.At == OutputTiming.Every) switch
    {
        (true, true) => $"Target of output '{output.Name}': dense values [T, N, {Literals.Int(output.Size)}] (batch-first [N, T, {Literals.Int(output.Size)}]).",
        (true, false) => $"Target of output '{output.Name}': dense values [N, {Literals.Int(output.Size)}], for the last step.",
        (false, true) => $"Target of output '{output.Name}': classes in [0, {Literals.Int(output.Size)}), [T, N] (batch-first [N, T]).",
        (false, false) => $"Target of output '{output.Name}': classes in [0, {Literals.Int(output.Size)}), [N], for the last step.",
    };
}
