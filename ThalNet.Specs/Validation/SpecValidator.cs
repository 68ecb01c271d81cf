namespace ThalNet.Specs;

/// <summary>The one validator for specs from either form: names, wiring, sizes, and shape inference.</summary>
public static class SpecValidator
{
    /// <summary>
    /// Checks a spec from <see cref="SpecReader"/> or <see cref="SpecBuilder"/> and infers its layout;
    /// never throws. Values the reader could not read were reported there and are not reported again.
    /// </summary>
    public static ValidationResult Validate(ModelSpec spec)
    {
        var diagnostics = new DiagnosticBag();
        SizeChecks.Check(spec, diagnostics);
        RoleChecks.Check(spec, diagnostics);
        ActiveChecks.Check(spec, diagnostics);
        var shapesKnown = spec.IsComplete && !diagnostics.HasErrors && !spec.ModuleList.IsEmpty;
        NameChecks.Check(spec, diagnostics);
        AutoSizing.CheckBudgetGiven(spec, diagnostics);
        var layout = shapesKnown ? InferSized(spec, diagnostics) : null;
        return new ValidationResult(diagnostics.HasErrors ? null : layout, diagnostics.ToArray());
    }

    /// <summary>Shape inference after <c>auto</c> sizes are solved from the budget.</summary>
    private static ModelLayout? InferSized(ModelSpec spec, DiagnosticBag diagnostics)
    {
        var (sized, autoSize) = AutoSizing.Solve(spec, diagnostics);
        var layout = sized is null ? null : ShapeInference.Infer(sized, diagnostics);
        return autoSize is null ? layout : layout?.WithAutoSize(autoSize.Value, spec.Budget!.Value.Value);
    }
}
