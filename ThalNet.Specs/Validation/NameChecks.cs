using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// Checks that names become valid, distinct C# names: the model and namespace verbatim (THAL0005);
/// inputs, modules and outputs after PascalCase conversion (THAL0005), unique (THAL0004), not
/// colliding with each other, with generated members or with generated types (THAL0006). Output
/// names are unique across the model because the generated <c>Outputs</c> type has one member per
/// output; an output is also a member of its module's generated class, beside the reader and layers.
/// </summary>
internal static class NameChecks
{
    public static void Check(ModelSpec spec, DiagnosticBag diagnostics)
    {
        var moduleTaken = ModuleClassNames(spec);
        var model = spec.Name.Value;
        // A missing model name is "" at a zero-length location, reported by the reader; a written one ("") has its quotes.
        var written = model.Length > 0 || spec.Name.ValueLocation.Length > 0;
        if (written && CSharpNames.TypeNameProblem(model) is { } modelProblem)
        {
            diagnostics.Add(SpecDiagnostics.InvalidName, spec.Name.ValueLocation, "Model", Shown(model), modelProblem);
        }
        else if (CSharpNames.ReservedMemberNames.Contains(model))
        {
            // A member or nested type may not be named like its class (CS0542).
            diagnostics.Add(SpecDiagnostics.NameCollision, spec.Name.ValueLocation, "Model", model, model, "is reserved for a generated member");
        }
        else if (moduleTaken.TryGetValue(model, out var moduleClass))
        {
            diagnostics.Add(SpecDiagnostics.NameCollision, spec.Name.ValueLocation, "Model", model, model, moduleClass);
        }

        if (spec.Namespace is { } ns && CSharpNames.NamespaceProblem(ns.Value) is { } namespaceProblem)
        {
            diagnostics.Add(SpecDiagnostics.InvalidName, ns.ValueLocation, "Namespace", Shown(ns.Value), namespaceProblem);
        }

        moduleTaken[model] = "is the model's class name";
        Scope(spec.InputList.Select(i => i.Name), "input", [], diagnostics);
        foreach (var input in spec.InputList.Where(i => CSharpNames.SpecNameProblem(i.Name.Value) is null))
        {
            if (CSharpNames.ParameterNameProblem(input.Name.Value) is { } problem)
            {
                diagnostics.Add(SpecDiagnostics.InvalidName, input.Name.ValueLocation, "Input", input.Name.Value, problem);
            }
        }

        Scope(spec.ModuleList.Select(m => m.Name), "module", moduleTaken, diagnostics);
        Scope(spec.ModuleList.SelectMany(m => m.Outputs?.Value ?? default).Select(o => o.Name), "output", [], diagnostics);
        foreach (var module in spec.ModuleList)
        {
            ParameterPrefixes(spec, module, diagnostics);
        }
    }

    /// <summary>
    /// An output's parameters are <c>{module}.{output}.*</c>, so it may not be named like the reader or a
    /// layer (THAL0029); nor may its C# name repeat theirs or the module's class name (THAL0006).
    /// </summary>
    private static void ParameterPrefixes(ModelSpec spec, ModuleSpec module, DiagnosticBag diagnostics)
    {
        var layerNames = new HashSet<string>(ParameterNames.Layers(SpecResolution.Layers(spec, module).Select(l => l.Kind.Value)));
        var members = new Dictionary<string, string> { [CSharpNames.ReaderMemberName] = "reader" };
        foreach (var layer in layerNames)
        {
            members[CSharpNames.ToPascalCase(layer)] = $"layer '{layer}'";
        }

        var className = CSharpNames.ModuleClassName(CSharpNames.ToPascalCase(module.Name.Value));
        foreach (var output in module.Outputs?.Value ?? default)
        {
            var name = output.Name.Value;
            var user = name == ParameterNames.Reader ? "reader" : layerNames.Contains(name) ? $"layer '{name}'" : null;
            var csharp = CSharpNames.ToPascalCase(name);
            if (user is not null)
            {
                diagnostics.Add(SpecDiagnostics.OutputShadowsParameters, output.Name.ValueLocation, name, module.Name.Value, user);
            }
            else if (CSharpNames.SpecNameProblem(name) is not null)
            {
                // Reported by the scope check.
            }
            else if (members.TryGetValue(csharp, out var member))
            {
                diagnostics.Add(SpecDiagnostics.NameCollision, output.Name.ValueLocation, "Output", name, csharp, $"collides with the {member} of module '{module.Name.Value}'");
            }
            else if (csharp == className)
            {
                diagnostics.Add(SpecDiagnostics.NameCollision, output.Name.ValueLocation, "Output", name, csharp, $"is the generated class of module '{module.Name.Value}'");
            }
        }
    }

    /// <summary>Each module's generated class name, which no module property may repeat, with the reason.</summary>
    private static Dictionary<string, string> ModuleClassNames(ModelSpec spec)
    {
        var names = new Dictionary<string, string>();
        foreach (var module in spec.ModuleList.Where(m => CSharpNames.SpecNameProblem(m.Name.Value) is null))
        {
            var className = CSharpNames.ModuleClassName(CSharpNames.ToPascalCase(module.Name.Value));
            if (!names.ContainsKey(className))
            {
                names[className] = $"is the generated class of module '{module.Name.Value}'";
            }
        }

        return names;
    }

    /// <summary>Checks the names of one scope (inputs, modules, one module's outputs): valid identifiers, unique as written and as C# names.</summary>
    /// <param name="names">The names as written, with their locations.</param>
    /// <param name="what">What the names are ("module"), for messages.</param>
    /// <param name="taken">C# names the scope's members may not use (the model class name, generated types), with the reason.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    private static void Scope(IEnumerable<Located<string>> names, string what, Dictionary<string, string> taken, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, SourceLocation>();
        var csharpNames = new Dictionary<string, string>();
        var title = char.ToUpperInvariant(what[0]) + what.Substring(1);
        foreach (var name in names)
        {
            var location = name.ValueLocation;
            if (CSharpNames.SpecNameProblem(name.Value) is { } problem)
            {
                diagnostics.Add(SpecDiagnostics.InvalidName, location, title, Shown(name.Value), problem);
                continue;
            }

            if (seen.TryGetValue(name.Value, out var first))
            {
                diagnostics.AddDuplicate(location, what, name.Value, SpecFactory.ModelOwner, first);
                continue;
            }

            seen.Add(name.Value, location);

            var csharp = CSharpNames.ToPascalCase(name.Value);
            if (csharpNames.TryGetValue(csharp, out var other))
            {
                diagnostics.Add(SpecDiagnostics.NameCollision, location, title, name.Value, csharp, $"collides with {what} '{other}'");
            }
            else if (CSharpNames.ReservedMemberNames.Contains(csharp))
            {
                diagnostics.Add(SpecDiagnostics.NameCollision, location, title, name.Value, csharp, "is reserved for a generated member");
            }
            else if (taken.TryGetValue(csharp, out var reason))
            {
                diagnostics.Add(SpecDiagnostics.NameCollision, location, title, name.Value, csharp, reason);
            }
            else
            {
                csharpNames[csharp] = name.Value;
            }
        }
    }

    /// <summary>A name as messages show it: a name beyond the length limit shortened, so a message stays a line.</summary>
    private static string Shown(string name)
        => name.Length <= CSharpNames.MaxNameLength ? name : name.Substring(0, 32) + "...";
}
