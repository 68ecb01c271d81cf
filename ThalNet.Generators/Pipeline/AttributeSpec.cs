namespace ThalNet.Generators.Pipeline;

/// <summary>
/// An attributed class as the pipeline carries it: the arguments of its ThalNet attributes with their
/// locations (null when an attribute did not bind, which the compiler reports), the class's namespace,
/// problems with the class itself (not partial, nested, ...), and the members the user's part declares.
/// </summary>
/// <param name="Origin"><c>class 'App.Net'</c>, for messages.</param>
/// <param name="ClassName">The class's name without its namespace: the model's name.</param>
/// <param name="ClassNamespace">The class's namespace, empty for the global one; the generated part goes there.</param>
/// <param name="NameLocation">The class's identifier, where a model defined twice is reported.</param>
/// <param name="Attributes">The attributes' arguments, or null when one did not bind.</param>
/// <param name="ClassProblems">What is wrong with the class itself (not partial, nested, generic, ...).</param>
/// <param name="UserMembers">The names the user's part of the class declares, each at its location, checked against the generated members.</param>
internal sealed record AttributeSpec(
    string Origin,
    string ClassName,
    string ClassNamespace,
    SourceLocation NameLocation,
    ModelAttributes? Attributes,
    EquatableArray<SpecDiagnostic> ClassProblems,
    EquatableArray<Located<string>> UserMembers);
