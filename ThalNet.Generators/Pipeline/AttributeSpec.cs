namespace ThalNet.Generators.Pipeline;

/// <summary>
/// An attributed class as the pipeline carries it: the arguments of its ThalNet attributes with their
/// locations (null when an attribute did not bind, which the compiler reports), the class's namespace,
/// problems with the class itself (not partial, nested, ...), and the members the user's part declares.
/// </summary>
/// <param name="Origin"><c>class 'App.Net'</c>, for messages.</param>
internal sealed record AttributeSpec(
    string Origin,
    string ClassName,
    string ClassNamespace,
    SourceLocation NameLocation,
    ModelAttributes? Attributes,
    EquatableArray<SpecDiagnostic> ClassProblems,
    EquatableArray<Located<string>> UserMembers);
