using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// Solves layer sizes written <c>auto</c> from the model's <c>budget</c>. Every <c>auto</c> in a model
/// is one shared size (written sizes stay as they are; the center follows as the sum of feature sizes):
/// the largest size whose parameter count, as <see cref="ShapeInference"/> counts it, is within the
/// budget. The count never decreases as the size grows, so a doubling then a bisection finds it.
/// </summary>
internal static class AutoSizing
{
    /// <summary>Reports every <c>auto</c> layer of a model without a budget (THAL0036), at the word <c>auto</c>.</summary>
    public static void CheckBudgetGiven(ModelSpec spec, DiagnosticBag diagnostics)
    {
        if (spec.Budget is not null)
        {
            return;
        }

        foreach (var layer in WrittenLayers(spec).Where(l => l.IsAuto))
        {
            diagnostics.Add(SpecDiagnostics.AutoWithoutBudget, layer.Size.ValueLocation, layer.ToString());
        }
    }

    /// <summary>
    /// The spec with every <c>auto</c> layer given the solved size, and that size; the spec as it is and
    /// null when no layer a module uses is <c>auto</c>. Null spec when the budget is too small even for
    /// size 1 (THAL0037 at the budget, naming the smallest budget that works).
    /// </summary>
    public static (ModelSpec? Spec, int? Size) Solve(ModelSpec spec, DiagnosticBag diagnostics)
    {
        if (spec.Budget is not { } budget || !spec.ModuleList.Any(m => SpecResolution.Layers(spec, m).Any(l => l.IsAuto)))
        {
            return (spec, null);
        }

        var smallest = ParameterCount(spec, 1);
        if (smallest is not { } count || count > budget.Value)
        {
            // Size 1 overflowing needs no budget hint: THAL0028 follows from the written sizes alone.
            if (smallest is { } needed)
            {
                diagnostics.Add(SpecDiagnostics.AutoBudgetInfeasible, budget.ValueLocation, budget.Value, needed);
                return (null, null);
            }

            return (WithAutoSize(spec, 1), 1);
        }

        var fits = 1;
        var tooLarge = 2;
        while (Fits(spec, tooLarge, budget.Value))
        {
            fits = tooLarge;
            if (tooLarge > int.MaxValue / 2)
            {
                tooLarge = int.MaxValue;
                if (Fits(spec, tooLarge, budget.Value))
                {
                    return (WithAutoSize(spec, tooLarge), tooLarge);
                }

                break;
            }

            tooLarge *= 2;
        }

        while (tooLarge - fits > 1)
        {
            var middle = fits + ((tooLarge - fits) / 2);
            if (Fits(spec, middle, budget.Value))
            {
                fits = middle;
            }
            else
            {
                tooLarge = middle;
            }
        }

        return (WithAutoSize(spec, fits), fits);
    }

    private static bool Fits(ModelSpec spec, int size, long budget) => ParameterCount(spec, size) is { } count && count <= budget;

    /// <summary>The parameter count with every <c>auto</c> layer of <paramref name="size"/>; null when a shape overflows.</summary>
    private static long? ParameterCount(ModelSpec spec, int size)
        => ShapeInference.Infer(WithAutoSize(spec, size), new DiagnosticBag())?.ParameterCount;

    private static ModelSpec WithAutoSize(ModelSpec spec, int size)
    {
        var modules = spec.Modules?.With(spec.ModuleList.Select(m => m with { Layers = WithAutoSize(m.Layers, size) }).ToEquatableArray());
        return spec with { Defaults = spec.Defaults with { Layers = WithAutoSize(spec.Defaults.Layers, size) }, Modules = modules };
    }

    private static Located<EquatableArray<LayerSpec>>? WithAutoSize(Located<EquatableArray<LayerSpec>>? layers, int size)
        => layers?.With(layers.Value.Value.Select(l => l.IsAuto ? l with { Size = l.Size.With(size) } : l).ToEquatableArray());

    private static IEnumerable<LayerSpec> WrittenLayers(ModelSpec spec)
        => (spec.Defaults.Layers?.Value ?? default).Concat(spec.ModuleList.SelectMany(m => m.Layers?.Value ?? default));
}
