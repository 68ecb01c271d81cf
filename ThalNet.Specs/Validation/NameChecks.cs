using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// Checks that names become valid, distinct C# names: the model and namespace verbatim (THAL0005);
/// inputs, modules and outputs after PascalCase conversion (THAL0005), unique (THAL0004), not
/// colliding with each other or with generated members (THAL0006). Output names are unique across
/// the model because the generated <c>Outputs</c> type has one member per output.
/// </summary>
internal static class NameChecks
{
    public static void Check(ModelSpec spec, DiagnosticBag diagnostics)
    {
        if (spec.Name.Value.Length > 0 && CSharpNames.IdentifierProblem(spec.Name.Value) is { } modelProblem)
        {
            diagnostics.Add(SpecDiagnostics.InvalidName, spec.Name.ValueLocation, "Model", spec.Name.Value, modelProblem);
        }

        if (spec.Namespace is { } ns && ns.Value.Split('.').Select(CSharpNames.IdentifierProblem).FirstOrDefault(p => p is not null) is { } namespaceProblem)
        {
            diagnostics.Add(SpecDiagnostics.InvalidName, ns.ValueLocation, "Namespace", ns.Value, namespaceProblem);
        }

        Scope(spec.InputList.Select(i => i.Name), "input", null, diagnostics);
        Scope(spec.ModuleList.Select(m => m.Name), "module", spec.Name.Value, diagnostics);
        Scope(spec.ModuleList.SelectMany(m => m.Outputs?.Value ?? default).Select(o => o.Name), "output", null, diagnostics);
        foreach (var module in spec.ModuleList)
        {
            ParameterPrefixes(spec, module, diagnostics);
        }
    }

    /// <summary>An output's parameters are <c>{module}.{output}.*</c>, so it may not be named like the reader or a layer.</summary>
    private static void ParameterPrefixes(ModelSpec spec, ModuleSpec module, DiagnosticBag diagnostics)
    {
        var layerNames = ParameterNames.Layers(SpecResolution.Layers(spec, module).Select(l => l.Kind.Value));
        foreach (var output in module.Outputs?.Value ?? default)
        {
            var name = output.Name.Value;
            var user = name == ParameterNames.Reader ? "reader" : layerNames.Contains(name) ? $"layer '{name}'" : null;
            if (user is not null)
            {
                diagnostics.Add(SpecDiagnostics.OutputShadowsParameters, output.Name.ValueLocation, name, module.Name.Value, user);
            }
        }
    }

    /// <param name="className">The model class name, which a member may not repeat (CS0542).</param>
    private static void Scope(IEnumerable<Located<string>> names, string what, string? className, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>();
        var csharpNames = new Dictionary<string, string>();
        var title = char.ToUpperInvariant(what[0]) + what.Substring(1);
        foreach (var name in names)
        {
            var location = name.ValueLocation;
            if (CSharpNames.SpecNameProblem(name.Value) is { } problem)
            {
                diagnostics.Add(SpecDiagnostics.InvalidName, location, title, name.Value, problem);
                continue;
            }

            if (!seen.Add(name.Value))
            {
                diagnostics.Add(SpecDiagnostics.DuplicateName, location, what, name.Value, SpecFactory.ModelOwner);
                continue;
            }

            var csharp = CSharpNames.ToPascalCase(name.Value);
            if (csharpNames.TryGetValue(csharp, out var other))
            {
                diagnostics.Add(SpecDiagnostics.NameCollision, location, title, name.Value, csharp, $"collides with {what} '{other}'");
            }
            else if (CSharpNames.ReservedMemberNames.Contains(csharp))
            {
                diagnostics.Add(SpecDiagnostics.NameCollision, location, title, name.Value, csharp, "is reserved for a generated member");
            }
            else if (csharp == className)
            {
                diagnostics.Add(SpecDiagnostics.NameCollision, location, title, name.Value, csharp, "is the model's class name");
            }
            else
            {
                csharpNames[csharp] = name.Value;
            }
        }
    }
}
