using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ThalNet.Generators.Attributes;

/// <summary>Whether an attributed class can take the generated part: partial (THAL0030), top-level, non-generic, ... (THAL0031).</summary>
internal static class ModelClassChecks
{
    public static IEnumerable<SpecDiagnostic> Check(INamedTypeSymbol type, TypeDeclarationSyntax declaration, SourceLocation at)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            yield return SpecDiagnostics.ClassNotPartial.Create(at, type.Name);
        }

        if (Reason(type) is { } reason)
        {
            yield return SpecDiagnostics.UnsupportedClass.Create(at, type.Name, reason);
        }
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
