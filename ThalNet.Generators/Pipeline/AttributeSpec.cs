namespace ThalNet.Generators.Pipeline;

/// <summary>
/// An attributed class as the pipeline carries it: the arguments of its ThalNet attributes with their
/// locations (null when an attribute did not bind, which the compiler reports), the class's namespace,
/// and problems with the class itself (not partial, nested, ...).
/// </summary>
/// <param name="Origin"><c>class 'App.Net'</c>, for messages.</param>
internal sealed record AttributeSpec(
    string Origin,
    string ClassName,
    string ClassNamespace,
    SourceLocation NameLocation,
    ModelAttributes? Attributes,
    EquatableArray<SpecDiagnostic> ClassProblems);
