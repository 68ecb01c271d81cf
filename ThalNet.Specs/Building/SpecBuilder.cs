using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>Builds a <see cref="ModelSpec"/> from the ThalNet attributes on a class, the same one the YAML form gives.</summary>
public static class SpecBuilder
{
    /// <summary>Never throws; every problem becomes a diagnostic at the attribute argument that caused it.</summary>
    public static SpecParseResult Build(ModelAttributes attributes)
    {
        var diagnostics = new DiagnosticBag();
        var model = attributes.Model;
        var inputs = attributes.Inputs.Select(input => Input(input, diagnostics)).ToEquatableArray();
        var defaults = attributes.Defaults is { } d
            ? SpecFactory.Defaults(d.Reading, d.Context, d.Layers, diagnostics)
            : DefaultsSpec.None;
        // Outputs go to the first module of their name; a repeated module name is reported by the validator.
        var outputsByModule = attributes.Outputs.ToLookup(o => o.Module.Value);
        var firstOfName = new HashSet<string>();
        var modules = attributes.Modules
            .Select(module => Module(module, firstOfName.Add(module.Name.Value) ? outputsByModule[module.Name.Value].ToList() : [], diagnostics))
            .ToEquatableArray();
        ReportOrphanOutputs(attributes, diagnostics);

        var spec = new ModelSpec(
            model.ClassName,
            model.Namespace,
            new Located<EquatableArray<InputSpec>>(inputs, model.Location),
            model.Substeps,
            model.Center,
            model.Budget,
            defaults,
            new Located<EquatableArray<ModuleSpec>>(modules, model.Location),
            model.Location,
            IsComplete: !diagnostics.HasErrors,
            model.Active);
        return new SpecParseResult(spec, diagnostics.ToArray());
    }

    private static InputSpec Input(InputAttributeArguments input, DiagnosticBag diagnostics)
    {
        if (input.Size is null && input.Tokens is null)
        {
            SpecFactory.ReportMissingWidth(input.Name, diagnostics);
        }

        return SpecFactory.Input(input.Name, input.Size, input.Tokens, diagnostics);
    }

    private static ModuleSpec Module(ModuleAttributeArguments module, List<OutputAttributeArguments> written, DiagnosticBag diagnostics)
    {
        if (module.Role is null)
        {
            diagnostics.Add(SpecDiagnostics.MissingKey, module.Name.KeyLocation, "'role'", SpecFactory.ModuleOwner(module.Name.Value));
        }

        Located<EquatableArray<OutputSpec>>? outputs = written.Count == 0
            ? null
            : new Located<EquatableArray<OutputSpec>>(
                written.Select(o => SpecFactory.Output(o.Name, o.Size, o.Loss, o.At, o.Weight, diagnostics)).ToEquatableArray(),
                written[0].Module.KeyLocation,
                written[0].Module.ValueLocation);
        return SpecFactory.Module(module.Name, module.Role, module.Inputs, outputs, module.Reading, module.Context, module.Layers, diagnostics);
    }

    private static void ReportOrphanOutputs(ModelAttributes attributes, DiagnosticBag diagnostics)
    {
        var moduleNames = attributes.Modules.Select(m => m.Name.Value).ToList();
        var declared = new HashSet<string>(moduleNames);
        foreach (var output in attributes.Outputs.Where(o => !declared.Contains(o.Module.Value)))
        {
            diagnostics.Add(
                SpecDiagnostics.OutputOfUndeclaredModule,
                output.Module.ValueLocation,
                output.Name.Value,
                output.Module.Value,
                Suggestions.For(output.Module.Value, moduleNames));
        }
    }
}
