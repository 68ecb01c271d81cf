namespace ThalNet.Specs;

/// <summary>
/// A valid model with every shape inferred and every default resolved: what the generator emits
/// and the runtime builds. Names are spec names; <c>CSharpName</c>s are their PascalCase forms.
/// </summary>
/// <param name="Name">The C# class name.</param>
/// <param name="Namespace">Null when the spec gives none (the generator uses the project's).</param>
/// <param name="Substeps">How often every input step is simulated (at least 1).</param>
/// <param name="CenterSize">Sum of all module feature sizes.</param>
/// <param name="Inputs">The task inputs, in spec order.</param>
/// <param name="Modules">The modules in center order.</param>
/// <param name="Parameters">Every parameter in registration order: modules in center order; per module its reader, layers, outputs.</param>
/// <param name="ParameterCount">The total number of scalar parameters (64-bit: a spec may describe more than int can
/// count).</param>
/// <param name="AutoSize">The size solved for every layer written <c>auto</c>; null when none is.</param>
/// <param name="Budget">The spec's <c>budget</c> when <paramref name="AutoSize"/> was solved from it; null otherwise.</param>
/// <param name="Active">How many modules update at each sub-step (the k of <c>active: k</c>); null when all of them do.</param>
public sealed record ModelLayout(
    string Name,
    string? Namespace,
    int Substeps,
    int CenterSize,
    EquatableArray<InputLayout> Inputs,
    EquatableArray<ModuleLayout> Modules,
    EquatableArray<ParameterLayout> Parameters,
    long ParameterCount,
    int? AutoSize = null,
    long? Budget = null,
    int? Active = null)
{
    internal ModelLayout WithAutoSize(int size, long budget) => this with { AutoSize = size, Budget = budget };
}
