using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ThalNet.Generators.Diagnostics;

namespace ThalNet.Generators.Attributes;

/// <summary>Whether an attributed class can take the generated part: partial (THAL0030), top-level, non-generic, not naming another base class, ... (THAL0031); no constructor of the user's (THAL0038).</summary>
internal static class ModelClassChecks
{
    public static IEnumerable<SpecDiagnostic> Check(INamedTypeSymbol type, TypeDeclarationSyntax declaration, SourceLocation at, Compilation compilation)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            yield return SpecDiagnostics.ClassNotPartial.Create(at, type.Name);
        }

        if (Reason(type) is { } reason)
        {
            yield return SpecDiagnostics.UnsupportedClass.Create(at, type.Name, reason);
        }
        else if (WrittenObjectBase(type, compilation) is { } written)
        {
            yield return SpecDiagnostics.UnsupportedClass.Create(
                Locations.Of(written),
                type.Name,
                $"it names 'object' as its base class, but the generated part derives it from '{AttributeNames.BaseClass}'; remove ': {written}'");
        }
    }

    /// <summary>A base list entry naming <c>object</c> in any of the class's declarations (partial parts must agree on the base).</summary>
    private static TypeSyntax? WrittenObjectBase(INamedTypeSymbol type, Compilation compilation)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax { BaseList: { } baseList } part)
            {
                var model = compilation.GetSemanticModel(part.SyntaxTree);
                if (baseList.Types.FirstOrDefault(t => model.GetTypeInfo(t.Type).Type?.SpecialType == SpecialType.System_Object) is { } written)
                {
                    return written.Type;
                }
            }
        }

        return null;
    }

    private static string? Reason(INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            return $"it is nested in '{outer.Name}'";
        }

        if (type.IsGenericType)
        {
            return "it is generic";
        }

        if (type.IsStatic)
        {
            return "it is static";
        }

        if (type.IsRecord || type.TypeKind != TypeKind.Class)
        {
            return type.IsRecord ? "it is a record" : $"it is a {type.TypeKind.ToString().ToLowerInvariant()}";
        }

        if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && baseType.ToDisplayString() != AttributeNames.BaseClass)
        {
            return $"it derives from '{baseType.ToDisplayString()}', but the generated part derives it from '{AttributeNames.BaseClass}'";
        }

        return null;
    }
}
