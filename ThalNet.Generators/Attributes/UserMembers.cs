using Microsoft.CodeAnalysis;
using ThalNet.Generators.Diagnostics;

namespace ThalNet.Generators.Attributes;

/// <summary>
/// The members the user's part of an attributed class declares, by name and place, read once from the symbol so the
/// pipeline can check them against the generated part's names after the spec is compiled.
/// </summary>
internal static class UserMembers
{
    /// <summary>object's members, which the user may override (ToString) and the generated part never declares.</summary>
    private static readonly string[] ObjectMembers = ["Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString"];

    /// <summary>Every member written in the user's declarations (nested types included), constructors aside.</summary>
    public static EquatableArray<Located<string>> Read(INamedTypeSymbol type)
        => Written(type)
            .Where(member => member is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor })
            .Select(member => new Located<string>(member.Name, At(member)))
            .ToEquatableArray();

    /// <summary>THAL0038 at each instance constructor the user wrote: the generated part declares the only one.</summary>
    public static IEnumerable<SpecDiagnostic> Constructors(INamedTypeSymbol type)
        => Written(type)
            .OfType<IMethodSymbol>()
            .Where(method => method.MethodKind == MethodKind.Constructor)
            .Select(constructor => SpecDiagnostics.MemberConflict.Create(
                At(constructor),
                "Constructor",
                $"{type.Name}({string.Join(", ", constructor.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))})",
                type.Name,
                $"the generated part declares the constructor {type.Name}(RandomSource random), which creates every module; remove yours and create the model with new {type.Name}(random)"));

    /// <summary>THAL0038 at each user member named like a generated member, a module's property or class, or a base class member.</summary>
    public static IEnumerable<SpecDiagnostic> Check(string className, EquatableArray<Located<string>> members, ModelLayout layout)
    {
        var taken = Taken(layout);
        foreach (var member in members)
        {
            if (taken.TryGetValue(member.Value, out var reason))
            {
                yield return SpecDiagnostics.MemberConflict.Create(member.ValueLocation, "Member", member.Value, className, reason);
            }
        }
    }

    private static Dictionary<string, string> Taken(ModelLayout layout)
    {
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in GeneratedMemberNames.BaseClassMembers.Except(ObjectMembers))
        {
            taken[name] = $"'{name}' is a member of the runtime base class the generated part derives from; rename yours";
        }

        foreach (var name in GeneratedMemberNames.ModelClass)
        {
            taken[name] = $"the generated part declares '{name}'; rename yours";
        }

        foreach (var module in layout.Modules)
        {
            var what = $"of module '{module.Name}'";
            taken[module.CSharpName] = $"the generated part declares '{module.CSharpName}', the property {what}; rename yours or the module";
            var moduleClass = CSharpNames.ModuleClassName(module.CSharpName);
            taken[moduleClass] = $"the generated part declares '{moduleClass}', the class {what}; rename yours or the module";
        }

        return taken;
    }

    /// <summary>Members with a place in the user's source: no implicit ones, no accessors (their property is there).</summary>
    private static IEnumerable<ISymbol> Written(INamedTypeSymbol type)
        => type.GetMembers()
            .Where(member => !member.IsImplicitlyDeclared && member.Locations.Any(l => l.IsInSource))
            .Where(member => member is not IMethodSymbol { AssociatedSymbol: not null });

    private static SourceLocation At(ISymbol member)
    {
        var location = member.Locations.First(l => l.IsInSource);
        return Locations.Of(location.SourceTree!, location.SourceSpan);
    }
}
