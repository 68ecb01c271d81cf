namespace ThalNet.Generators.Pipeline;

/// <summary>
/// Spec words that ThalNet.Specs validates and both runtimes implement, but that the emitters do not print yet
/// (the attention reader and competing modules wait for the step plan): THAL0040 at each place it is written, and no code, so a valid
/// spec never becomes code that does not compile.
/// </summary>
internal static class NotGeneratedYet
{
    /// <summary>The compiled spec unchanged, or without its layout and with THAL0040 added where it uses such a word.</summary>
    public static CompiledSpec Check(CompiledSpec compiled)
    {
        if (compiled.Spec is not { } spec || compiled.Layout is not { } layout)
        {
            return compiled;
        }

        var problems = Find(spec, layout).ToList();
        return problems.Count == 0
            ? compiled
            : compiled with { Layout = null, Diagnostics = compiled.Diagnostics.Concat(problems).ToEquatableArray() };
    }

    private static IEnumerable<SpecDiagnostic> Find(ModelSpec spec, ModelLayout layout)
    {
        if (spec.Active is { } active)
        {
            yield return SpecDiagnostics.NotGeneratedYet.Create(active.ValueLocation, "'active'", layout.Name);
        }

        var places = new HashSet<SourceLocation>();
        foreach (var module in spec.ModuleList)
        {
            var reading = module.Reading ?? spec.Defaults.Reading;
            if (reading is { } written && Catalog.Reading(written.Value).ReadsModuleSlices && places.Add(written.ValueLocation))
            {
                yield return SpecDiagnostics.NotGeneratedYet.Create(written.ValueLocation, $"Reading '{SpecWords.Reading.Word(written.Value)}'", layout.Name);
            }
        }
    }
}
