using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ThalNet.Generators.Attributes;
using ThalNet.Generators.Diagnostics;

namespace ThalNet.Generators.Pipeline;

/// <summary>The attribute half of the pipeline: reading an attributed class and compiling its spec. Never throws.</summary>
internal static class AttributeModels
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
        => node is ClassDeclarationSyntax or RecordDeclarationSyntax;

    public static AttributeSpec Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        var origin = $"class '{type.ToDisplayString()}'";
        var name = new Located<string>(type.Name, Locations.Of(declaration.Identifier));
        var ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
        try
        {
            var problems = ModelClassChecks.Check(type, declaration, name.ValueLocation, context.SemanticModel.Compilation)
                .Concat(UserMembers.Constructors(type))
                .ToEquatableArray();
            var attributes = ModelAttributesReader.Read(type, name, cancellationToken);
            return new AttributeSpec(origin, type.Name, ns, name.ValueLocation, attributes, problems, UserMembers.Read(type));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new AttributeSpec(origin, type.Name, ns, name.ValueLocation, null, EquatableArray.Create(ModelResult.Failure(origin, name.ValueLocation, exception)), default);
        }
    }

    public static ModelResult Compile(AttributeSpec spec)
    {
        if (spec.Attributes is not { } attributes)
        {
            return new ModelResult(spec.Origin, null, spec.NameLocation, spec.ClassProblems);
        }

        try
        {
            var compiled = SpecCompiler.FromAttributes(attributes);
            var members = compiled.Layout is { } compiledLayout ? UserMembers.Check(spec.ClassName, spec.UserMembers, compiledLayout) : [];
            var diagnostics = spec.ClassProblems.Concat(NamespaceProblem(spec, attributes)).Concat(compiled.Diagnostics).Concat(members).ToEquatableArray();
            var model = compiled.Layout is { } layout && !diagnostics.Any(d => d.IsError) ? new GeneratedModel(spec.ClassNamespace, StepPlanner.Build(layout)) : null;
            return new ModelResult(spec.Origin, model, spec.NameLocation, diagnostics);
        }
        catch (Exception exception)
        {
            return ModelResult.Failed(spec.Origin, spec.NameLocation, exception);
        }
    }

    /// <summary>The generated part of a partial class must be in the class's namespace (THAL0032).</summary>
    private static IEnumerable<SpecDiagnostic> NamespaceProblem(AttributeSpec spec, ModelAttributes attributes)
    {
        if (attributes.Model.Namespace is { } written && written.Value != spec.ClassNamespace)
        {
            yield return SpecDiagnostics.NamespaceMismatch.Create(written.ValueLocation, written.Value, spec.ClassName, spec.ClassNamespace);
        }
    }
}
