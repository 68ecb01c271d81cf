namespace ThalNet.Specs;

/// <summary>
/// Checks <c>active: k</c>, the modules that compete to update: k from 1 to the module count less one (THAL0039), and
/// every module reading by a mechanism with a null slot, whose weight ranks them (THAL0040).
/// </summary>
internal static class ActiveChecks
{
    public static void Check(ModelSpec spec, DiagnosticBag diagnostics)
    {
        if (spec.Active is not { } active)
        {
            return;
        }

        var modules = spec.ModuleList.Count;
        if (active.Value < 1 || active.Value > modules - 1)
        {
            diagnostics.Add(SpecDiagnostics.ActiveOutOfRange, active.ValueLocation, active.Value, modules - 1);
        }

        foreach (var module in spec.ModuleList)
        {
            var reading = SpecResolution.Reading(spec, module);
            if (!Catalog.Reading(reading).HasNullSlot)
            {
                // At the reading as written: the module's own, else the defaults', else (the default) at 'active'.
                var where = module.Reading?.ValueLocation ?? spec.Defaults.Reading?.ValueLocation ?? active.ValueLocation;
                diagnostics.Add(SpecDiagnostics.ActiveWithoutNullSlot, where, module.Name.Value, SpecWords.Reading.Word(reading));
            }
        }
    }
}
