using System.Linq;

namespace ThalNet.Specs;

/// <summary>Checks every number where it is written: sizes at least 1 (THAL0017), sub-steps (THAL0018), weights (THAL0027), non-empty layer lists (THAL0025).</summary>
internal static class SizeChecks
{
    public static void Check(ModelSpec spec, DiagnosticBag diagnostics)
    {
        foreach (var input in spec.InputList)
        {
            var what = input.Kind == InputKind.Tokens ? "Vocabulary" : "Size";
            AtLeastOne(input.Size, $"{what} of input '{input.Name.Value}'", diagnostics);
        }

        if (spec.Substeps is { Value: < 1 } substeps)
        {
            diagnostics.Add(SpecDiagnostics.SubstepsBelowOne, substeps.ValueLocation, substeps.Value);
        }

        AtLeastOne(spec.Center, "Center", diagnostics);
        if (spec.Budget is { Value: < 1 } budget)
        {
            diagnostics.Add(SpecDiagnostics.SizeBelowOne, budget.ValueLocation, "Budget", budget.Value);
        }

        AtLeastOne(spec.Defaults.Context, "Context in defaults", diagnostics);
        Layers(spec.Defaults.Layers, SpecFactory.DefaultsOwner, diagnostics);
        foreach (var module in spec.ModuleList)
        {
            var owner = SpecFactory.ModuleOwner(module.Name.Value);
            AtLeastOne(module.Context, $"Context of {owner}", diagnostics);
            Layers(module.Layers, owner, diagnostics);
            foreach (var output in module.Outputs?.Value ?? default)
            {
                AtLeastOne(output.Size, $"Size of output '{output.Name.Value}'", diagnostics);
                // Checked as the float it is emitted as: 1e300 is a finite double but no float.
                if (output.Weight is { } weight && !(weight.Value >= 0 && !float.IsInfinity((float)weight.Value)))
                {
                    diagnostics.Add(SpecDiagnostics.InvalidWeight, weight.ValueLocation, output.Name.Value, weight.Value);
                }
            }
        }
    }

    private static void Layers(Located<EquatableArray<LayerSpec>>? layers, string owner, DiagnosticBag diagnostics)
    {
        if (layers is not { } written)
        {
            return;
        }

        if (written.Value.IsEmpty)
        {
            diagnostics.Add(SpecDiagnostics.EmptyLayers, written.ValueLocation, owner);
        }

        foreach (var layer in written.Value.Where(l => !l.IsAuto))
        {
            AtLeastOne(layer.Size, $"Size of layer '{layer}' in {owner}", diagnostics);
        }
    }

    private static void AtLeastOne(Located<int>? size, string what, DiagnosticBag diagnostics)
    {
        if (size is { Value: < 1 } written)
        {
            diagnostics.Add(SpecDiagnostics.SizeBelowOne, written.ValueLocation, what, written.Value);
        }
    }
}
