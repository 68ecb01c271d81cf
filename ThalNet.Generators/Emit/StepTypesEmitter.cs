using static ThalNet.Generators.Emit.RuntimeTypes;

namespace ThalNet.Generators.Emit;

/// <summary>The engine's typed <c>Inputs</c> of one step, checked against the spec.</summary>
internal static class StepTypesEmitter
{
    public static void WriteInputs(CodeWriter w, StepPlan model)
    {
        w.Line("/// <summary>The task inputs of one step, one tensor per input.</summary>");
        w.Line(GeneratedNames.GeneratedCodeAttribute);
        using (w.Block("public sealed class Inputs"))
        {
            w.Line("/// <summary>Gathers the inputs of one step, checked against the spec's widths.</summary>");
            foreach (var input in model.Inputs)
            {
                w.Line($"/// <param name=\"{GeneratedNames.Parameter(input).TrimStart('@')}\">{input.Summary}</param>");
            }

            var parameters = string.Join(", ", model.Inputs.Select(i => $"{Tensor} {GeneratedNames.Parameter(i)}"));
            using (w.Block($"public Inputs({parameters})"))
            {
                foreach (var input in model.Inputs)
                {
                    w.Line($"{input.CSharpName} = {InputChecks}.Step(Layout.Info, {Literals.Int(input.Index)}, {GeneratedNames.Parameter(input)});");
                }
            }

            foreach (var input in model.Inputs)
            {
                w.Line();
                w.Line($"/// <summary>{input.Summary}</summary>");
                w.Line($"public {Tensor} {input.CSharpName} {{ get; }}");
            }
        }
    }
}
