using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// Checks the wiring: input modules read declared inputs, output modules have outputs, and each
/// role has only its own keys. A module whose role is missing or unreadable (already reported) is
/// skipped, and then the model-wide "no input/output module" checks are too.
/// </summary>
internal static class RoleChecks
{
    public static void Check(ModelSpec spec, DiagnosticBag diagnostics)
    {
        var declared = spec.InputList.Select(i => i.Name.Value).ToList();
        var declaredSet = new HashSet<string>(declared);
        foreach (var module in spec.ModuleList)
        {
            if (module.Role is { } role)
            {
                CheckModule(module, role.Value, declared, declaredSet, diagnostics);
            }
        }

        CheckUnreadInputs(spec, diagnostics);
        if (spec.Modules is not { } modules || spec.ModuleList.Any(m => m.Role is null))
        {
            return;
        }

        var where = modules.KeyLocation;
        if (!spec.ModuleList.Any(m => m.Role?.Value == ModuleRole.Input))
        {
            diagnostics.Add(SpecDiagnostics.NoInputModule, where);
        }

        if (!spec.ModuleList.Any(m => m.Role?.Value == ModuleRole.Output))
        {
            diagnostics.Add(SpecDiagnostics.NoOutputModule, where);
        }
    }

    private static void CheckModule(ModuleSpec module, ModuleRole role, List<string> declared, HashSet<string> declaredSet, DiagnosticBag diagnostics)
    {
        var name = module.Name.Value;
        var roleWord = SpecWords.Role.Word(role);
        if (role == ModuleRole.Input)
        {
            if (module.Inputs is not { Value.IsEmpty: false } inputs)
            {
                diagnostics.Add(SpecDiagnostics.InputModuleWithoutInputs, module.Inputs?.ValueLocation ?? module.Name.KeyLocation, name);
            }
            else
            {
                CheckInputList(name, inputs.Value, declared, declaredSet, diagnostics);
            }
        }
        else if (module.Inputs is { } inputs)
        {
            diagnostics.Add(SpecDiagnostics.KeyNotAllowedForRole, inputs.KeyLocation, "inputs", "input", name, roleWord);
        }

        if (role == ModuleRole.Output)
        {
            if (module.Outputs is not { Value.IsEmpty: false })
            {
                diagnostics.Add(SpecDiagnostics.OutputModuleWithoutOutputs, module.Outputs?.ValueLocation ?? module.Name.KeyLocation, name);
            }
        }
        else if (module.Outputs is { } outputs)
        {
            diagnostics.Add(SpecDiagnostics.KeyNotAllowedForRole, outputs.KeyLocation, "outputs", "output", name, roleWord);
        }
    }

    /// <summary>Checks an input module's <c>inputs</c> list: every name declared, none twice.</summary>
    /// <param name="module">The module's name, for messages.</param>
    /// <param name="inputs">The names it lists, with their locations.</param>
    /// <param name="declared">The declared inputs in order, for suggestions; <paramref name="declaredSet"/> the same, for lookups.</param>
    /// <param name="declaredSet">The declared input names, for lookups.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    private static void CheckInputList(string module, EquatableArray<Located<string>> inputs, List<string> declared, HashSet<string> declaredSet, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, SourceLocation>();
        foreach (var input in inputs)
        {
            if (!declaredSet.Contains(input.Value))
            {
                diagnostics.Add(SpecDiagnostics.UndeclaredInput, input.ValueLocation, module, input.Value, Suggestions.For(input.Value, declared));
            }
            else if (seen.TryGetValue(input.Value, out var first))
            {
                diagnostics.AddDuplicate(input.ValueLocation, "input", input.Value, SpecFactory.ModuleOwner(module), first);
            }
            else
            {
                seen.Add(input.Value, input.ValueLocation);
            }
        }
    }

    private static void CheckUnreadInputs(ModelSpec spec, DiagnosticBag diagnostics)
    {
        var read = new HashSet<string>(spec.ModuleList.SelectMany(m => m.Inputs?.Value ?? default).Select(i => i.Value));
        foreach (var input in spec.InputList.Where(i => !read.Contains(i.Name.Value)))
        {
            diagnostics.Add(SpecDiagnostics.UnreadInput, input.Name.ValueLocation, input.Name.Value);
        }
    }
}
