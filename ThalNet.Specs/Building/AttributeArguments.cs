namespace ThalNet.Specs;

// The arguments of the ThalNet attributes on one class, as the generator reads them: a value is
// null when its argument was not written. Key locations point at the argument name (`Role =`),
// value locations at the value; for positional arguments both point at the value.

/// <summary><c>[ThalNetModel]</c> and the class it is on.</summary>
/// <param name="ClassName">The class name, located at its identifier.</param>
/// <param name="Namespace">The <c>Namespace</c> argument; null when not written (the class's own namespace is
/// used).</param>
/// <param name="Substeps">The <c>Substeps</c> argument; null when not written.</param>
/// <param name="Center">The <c>Center</c> argument; null when not written (the center is inferred).</param>
/// <param name="Budget">The <c>Budget</c> argument (a parameter count); null when not written.</param>
/// <param name="Location">The class declaration (or its identifier), for model-wide diagnostics.</param>
/// <param name="Active">The <c>Active</c> argument: how many modules update at each sub-step.</param>
public sealed record ModelAttributeArguments(
    Located<string> ClassName,
    Located<string>? Namespace,
    Located<int>? Substeps,
    Located<int>? Center,
    Located<long>? Budget,
    SourceLocation Location,
    Located<int>? Active = null);

/// <summary><c>[ThalNetInput(name, size)]</c> or <c>[ThalNetInput(name, Tokens = n)]</c>.</summary>
public sealed record InputAttributeArguments(Located<string> Name, Located<int>? Size, Located<int>? Tokens);

/// <summary><c>[ThalNetDefaults]</c>.</summary>
public sealed record DefaultsAttributeArguments(
    Located<string>? Reading,
    Located<int>? Context,
    Located<EquatableArray<Located<string>>>? Layers);

/// <summary><c>[ThalNetModule(name, ...)]</c>.</summary>
public sealed record ModuleAttributeArguments(
    Located<string> Name,
    Located<string>? Role,
    Located<EquatableArray<Located<string>>>? Inputs,
    Located<string>? Reading,
    Located<int>? Context,
    Located<EquatableArray<Located<string>>>? Layers);

/// <summary><c>[ThalNetOutput(module, name, size, ...)]</c>.</summary>
public sealed record OutputAttributeArguments(
    Located<string> Module,
    Located<string> Name,
    Located<int> Size,
    Located<string>? Loss,
    Located<string>? At,
    Located<double>? Weight);

/// <summary>All ThalNet attributes on one class, in source order.</summary>
public sealed record ModelAttributes(
    ModelAttributeArguments Model,
    EquatableArray<InputAttributeArguments> Inputs,
    DefaultsAttributeArguments? Defaults,
    EquatableArray<ModuleAttributeArguments> Modules,
    EquatableArray<OutputAttributeArguments> Outputs);
