using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>The catalog of every spec diagnostic. Ids are stable; see Diagnostics.md.</summary>
public static class SpecDiagnostics
{
    /// <summary>THAL0001: the YAML text cannot be parsed.</summary>
    public static readonly SpecDiagnosticDescriptor YamlSyntax = Error("THAL0001", "YAML syntax error", "Invalid YAML: {0}");

    /// <summary>{0} key, {1} where, {2} suggestion (". Did you mean 'x'?" or ". Expected one of: ...").</summary>
    public static readonly SpecDiagnosticDescriptor UnknownKey = Error("THAL0002", "Unknown key", "Unknown key '{0}' in {1}{2}");

    /// <summary>{0} quoted key(s), {1} where.</summary>
    public static readonly SpecDiagnosticDescriptor MissingKey = Error("THAL0003", "Missing required key", "Missing required key {0} in {1}");

    /// <summary>{0} what (key, module, input, output), {1} name, {2} where, {3} and {4} line and column of the first.</summary>
    public static readonly SpecDiagnosticDescriptor DuplicateName = Error("THAL0004", "Duplicate name", "Duplicate {0} '{1}' in {2}; the first is at line {3}, column {4}");

    /// <summary>{0} what, {1} name, {2} reason.</summary>
    public static readonly SpecDiagnosticDescriptor InvalidName = Error("THAL0005", "Invalid C# name", "{0} '{1}' is not a valid C# name: {2}");

    /// <summary>{0} what, {1} name, {2} C# name, {3} what it collides with.</summary>
    public static readonly SpecDiagnosticDescriptor NameCollision = Error("THAL0006", "C# name collision", "{0} '{1}' becomes '{2}' in C#, which {3}");

    /// <summary>{0} declared, {1} sum, {2} per-module terms.</summary>
    public static readonly SpecDiagnosticDescriptor CenterMismatch = Error("THAL0007", "Center size mismatch", "Declared center {0} does not match the sum of module feature sizes {1} ({2})");

    /// <summary>THAL0008: no module has <c>role: input</c>.</summary>
    public static readonly SpecDiagnosticDescriptor NoInputModule = Error("THAL0008", "No input module", "The model has no input module; give at least one module 'role: input'");

    /// <summary>THAL0009: an input module lists no task inputs.</summary>
    public static readonly SpecDiagnosticDescriptor InputModuleWithoutInputs = Error("THAL0009", "Input module without inputs", "Input module '{0}' reads no inputs; list them in 'inputs'");

    /// <summary>THAL0010 (warning): a declared input that no module reads.</summary>
    public static readonly SpecDiagnosticDescriptor UnreadInput = Warning("THAL0010", "Input not read", "Input '{0}' is declared but no module reads it");

    /// <summary>{0} module, {1} input, {2} suggestion.</summary>
    public static readonly SpecDiagnosticDescriptor UndeclaredInput = Error("THAL0011", "Undeclared input", "Module '{0}' reads undeclared input '{1}'{2}");

    /// <summary>THAL0012: no module has <c>role: output</c>.</summary>
    public static readonly SpecDiagnosticDescriptor NoOutputModule = Error("THAL0012", "No output module", "The model has no output module; give at least one module 'role: output'");

    /// <summary>THAL0013: an output module declares no outputs.</summary>
    public static readonly SpecDiagnosticDescriptor OutputModuleWithoutOutputs = Error("THAL0013", "Output module without outputs", "Output module '{0}' has no outputs; declare them in 'outputs'");

    /// <summary>{0} "reading mechanism", {1} word, {2} suggestion.</summary>
    public static readonly SpecDiagnosticDescriptor UnknownReading = Error("THAL0014", "Unknown reading mechanism", "Unknown {0} '{1}'{2}");

    /// <summary>{0} layer text, {1} what is wrong.</summary>
    public static readonly SpecDiagnosticDescriptor InvalidLayer = Error("THAL0015", "Invalid layer", "Invalid layer '{0}': {1}");

    /// <summary>{0} "activation", {1} word, {2} suggestion.</summary>
    public static readonly SpecDiagnosticDescriptor UnknownActivation = Error("THAL0016", "Unknown activation", "Unknown {0} '{1}'{2}");

    /// <summary>{0} what, {1} value.</summary>
    public static readonly SpecDiagnosticDescriptor SizeBelowOne = Error("THAL0017", "Size below 1", "{0} must be at least 1, but is {1}");

    /// <summary>THAL0018: <c>substeps</c> below 1.</summary>
    public static readonly SpecDiagnosticDescriptor SubstepsBelowOne = Error("THAL0018", "Sub-steps below 1", "Substeps must be at least 1, but is {0}");

    /// <summary>THAL0019: the inferred parameter count is above the spec's <c>budget</c>.</summary>
    public static readonly SpecDiagnosticDescriptor BudgetExceeded = Error("THAL0019", "Parameter budget exceeded", "Model has {0} parameters, above its budget of {1}");

    /// <summary>{0} expected, {1} found.</summary>
    public static readonly SpecDiagnosticDescriptor WrongValueType = Error("THAL0020", "Wrong value type", "Expected {0} but found {1}");

    /// <summary>{0} "role", {1} word, {2} suggestion.</summary>
    public static readonly SpecDiagnosticDescriptor UnknownRole = Error("THAL0021", "Unknown role", "Unknown {0} '{1}'{2}");

    /// <summary>{0} "loss" or "output timing", {1} word, {2} suggestion.</summary>
    public static readonly SpecDiagnosticDescriptor UnknownLossOrTiming = Error("THAL0022", "Unknown loss or output timing", "Unknown {0} '{1}'{2}");

    /// <summary>{0} key, {1} allowed role, {2} module, {3} its role.</summary>
    public static readonly SpecDiagnosticDescriptor KeyNotAllowedForRole = Error("THAL0023", "Key not allowed for the module's role", "'{0}' is only allowed on {1} modules, but module '{2}' has role '{3}'");

    /// <summary>THAL0024: an input gives both <c>size</c> and <c>tokens</c>.</summary>
    public static readonly SpecDiagnosticDescriptor InputSizeAndTokens = Error("THAL0024", "Input has both size and tokens", "Input '{0}' declares both 'size' and 'tokens'; give one");

    /// <summary>{0} owner ("module 'x'" or "defaults").</summary>
    public static readonly SpecDiagnosticDescriptor EmptyLayers = Error("THAL0025", "Empty layer stack", "The layer list of {0} is empty");

    /// <summary>{0} output, {1} module, {2} suggestion.</summary>
    public static readonly SpecDiagnosticDescriptor OutputOfUndeclaredModule = Error("THAL0026", "Output of an undeclared module", "Output '{0}' belongs to undeclared module '{1}'{2}");

    /// <summary>THAL0027: an output weight that is negative, not finite or beyond float's range.</summary>
    public static readonly SpecDiagnosticDescriptor InvalidWeight = Error("THAL0027", "Invalid output weight", "Weight of output '{0}' must be a finite float of at least 0 (at most 3.4028235E+38), but is {1}");

    /// <summary>{0} module, {1} what passes 2^31-1 (<see cref="TooLargeParameter"/> or <see cref="TooManyParameters"/>).</summary>
    public static readonly SpecDiagnosticDescriptor TooLarge = Error("THAL0028", "Model too large", "Module '{0}' makes the model too large: {1}");

    /// <summary>
    /// The reason text of a size diagnostic when a parameter would have more elements than a .NET array can hold.
    /// </summary>
    public const string TooLargeParameter = "it has a parameter of more than 2^31-1 elements";

    /// <summary>The runtime and the generated <c>const int ParameterCount</c> count parameters in an int.</summary>
    public static string TooManyParameters(long atLeast)
        => string.Format(System.Globalization.CultureInfo.InvariantCulture, "its parameters bring the model past 2^31-1 parameters (at least {0})", atLeast);

    /// <summary>{0} output, {1} module, {2} what already uses the prefix.</summary>
    public static readonly SpecDiagnosticDescriptor OutputShadowsParameters = Error("THAL0029", "Output name taken by a parameter group", "Output '{0}' of module '{1}' would name its parameters '{1}.{0}.*', which the module's {2} already uses");

    // The source generator's own problems: the attributed class, or the generator itself.

    /// <summary>THAL0030: a class with <c>[ThalNetModel]</c> that is not <c>partial</c>.</summary>
    public static readonly SpecDiagnosticDescriptor ClassNotPartial = Error("THAL0030", "Model class is not partial", "Class '{0}' has [ThalNetModel] but is not partial; declare it 'partial class {0}'");

    /// <summary>{0} class, {1} reason ("it is nested in 'Outer'", "it is generic", ...).</summary>
    public static readonly SpecDiagnosticDescriptor UnsupportedClass = Error("THAL0031", "Unsupported model class", "Class '{0}' cannot be a ThalNet model: {1}");

    /// <summary>{0} written namespace, {1} class, {2} the class's namespace.</summary>
    public static readonly SpecDiagnosticDescriptor NamespaceMismatch = Error("THAL0032", "Namespace differs from the class's", "Namespace '{0}' differs from the namespace of class '{1}' ('{2}'); the generated part of a partial class is in the class's namespace");

    /// <summary>{0} full model name, {1} where it was defined first.</summary>
    public static readonly SpecDiagnosticDescriptor DuplicateModel = Error("THAL0033", "Model defined twice", "Model '{0}' is also defined in {1}; no code is generated for this definition");

    /// <summary>{0} the spec file or class, {1} the exception.</summary>
    public static readonly SpecDiagnosticDescriptor GeneratorFailure = Error("THAL0034", "Generator failure", "The ThalNet generator failed on {0}: {1}");

    /// <summary>{0} full model name.</summary>
    public static readonly SpecDiagnosticDescriptor RuntimeNotReferenced = Error("THAL0035", "ThalNet.Runtime not referenced", "Model '{0}' needs the ThalNet.Runtime package: add a reference to ThalNet.Runtime (dotnet add package ThalNet.Runtime)");

    // Layer sizes solved from the budget.

    /// <summary>{0} the layer as written.</summary>
    public static readonly SpecDiagnosticDescriptor AutoWithoutBudget = Error("THAL0036", "Auto size without a budget", "Layer '{0}' has size 'auto', which is solved from the parameter budget, but the model has no 'budget'; add one (e.g. 'budget: 50000') or write a number");

    /// <summary>{0} budget, {1} parameter count with every auto layer of size 1.</summary>
    public static readonly SpecDiagnosticDescriptor AutoBudgetInfeasible = Error("THAL0037", "Budget too small for auto sizes", "No size for the 'auto' layers fits the budget of {0}: with size 1 the model already has {1} parameters; a budget of at least {1} would work");

    // The user's part of an attributed class.

    /// <summary>{0} "Member" or "Constructor", {1} its name, {2} class name, {3} why and what to do.</summary>
    public static readonly SpecDiagnosticDescriptor MemberConflict = Error("THAL0038", "Member conflicts with the generated part", "{0} '{1}' of class '{2}' conflicts with the generated part: {3}");
    // Modules that compete (active: k).

    /// <summary>{0} k, {1} module count less one.</summary>
    public static readonly SpecDiagnosticDescriptor ActiveOutOfRange = Error("THAL0039", "Active module count out of range", "'active' must be from 1 to {1} (one less than the module count), but is {0}");

    /// <summary>{0} module, {1} its reading word.</summary>
    public static readonly SpecDiagnosticDescriptor ActiveWithoutNullSlot = Error("THAL0040", "Competing module without a null slot", "'active' ranks modules by the weight their read puts on a null slot, but module '{0}' reads by '{1}', which has none; only 'attention' has a null slot");

    /// <summary>Every spec diagnostic, in id order; the generator declares exactly these.</summary>
    public static IReadOnlyList<SpecDiagnosticDescriptor> All { get; } =
    [
        YamlSyntax, UnknownKey, MissingKey, DuplicateName, InvalidName, NameCollision, CenterMismatch,
        NoInputModule, InputModuleWithoutInputs, UnreadInput, UndeclaredInput, NoOutputModule,
        OutputModuleWithoutOutputs, UnknownReading, InvalidLayer, UnknownActivation, SizeBelowOne,
        SubstepsBelowOne, BudgetExceeded, WrongValueType, UnknownRole, UnknownLossOrTiming,
        KeyNotAllowedForRole, InputSizeAndTokens, EmptyLayers, OutputOfUndeclaredModule, InvalidWeight,
        TooLarge, OutputShadowsParameters, ClassNotPartial, UnsupportedClass, NamespaceMismatch, DuplicateModel,
        GeneratorFailure, RuntimeNotReferenced, AutoWithoutBudget, AutoBudgetInfeasible, MemberConflict,
        ActiveOutOfRange, ActiveWithoutNullSlot,
    ];

    /// <summary>The diagnostic with the given id (<c>THAL0007</c>), or null when there is none.</summary>
    public static SpecDiagnosticDescriptor? Find(string id) => All.FirstOrDefault(d => d.Id == id);

    private static SpecDiagnosticDescriptor Error(string id, string title, string format) => new(id, title, format, SpecSeverity.Error);

    private static SpecDiagnosticDescriptor Warning(string id, string title, string format) => new(id, title, format, SpecSeverity.Warning);
}
