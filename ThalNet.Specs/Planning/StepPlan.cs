namespace ThalNet.Specs;

/// <summary>
/// One step of a model as every backend runs it, computed once from a valid <see cref="ModelLayout"/> and the
/// <see cref="Catalog"/> by <see cref="StepPlanner"/>. Every decision that depends on a kind (which type implements a
/// reader, layer, head or loss on each backend, its constructor sizes, what state a layer carries, which reads can
/// share one product, the documentation text) is made here; a printer turns the plan into code for its backend and
/// needs nothing else. Immutable and equatable, so a generator pipeline caches on it.
/// </summary>
/// <param name="Name">The model's C# class name.</param>
/// <param name="Namespace">The spec's namespace; null when it gives none.</param>
/// <param name="CenterSize">Width of the center: every module's features, concatenated in module order.</param>
/// <param name="ParameterCount">Number of scalar parameters.</param>
/// <param name="AutoSize">The size solved for layers written <c>auto</c>; null when none is.</param>
/// <param name="Summary">What the model is, in one sentence for its documentation.</param>
/// <param name="AutoSizeSummary">How <paramref name="AutoSize"/> was chosen; null when it is null.</param>
/// <param name="Inputs">The task inputs, in the order a step receives them.</param>
/// <param name="Modules">The modules, in center order.</param>
/// <param name="FusedReads">The reads that share one product of the center; null when no module's read can.</param>
/// <param name="State">The recurrent state tensors, in the order the state holds them; the center first.</param>
/// <param name="Heads">Every output head, in output order (modules in center order, then the module's outputs).</param>
/// <param name="Substeps">How the sub-steps of one input step run.</param>
public sealed record StepPlan(
    string Name,
    string? Namespace,
    int CenterSize,
    long ParameterCount,
    int? AutoSize,
    string Summary,
    string? AutoSizeSummary,
    EquatableArray<InputPlan> Inputs,
    EquatableArray<ModulePlan> Modules,
    FusedReadPlan? FusedReads,
    EquatableArray<StatePlanEntry> State,
    EquatableArray<HeadPlan> Heads,
    SubstepPlan Substeps);

/// <summary>One task input of a step.</summary>
/// <param name="Index">Its position in the step's inputs.</param>
/// <param name="Name">The input's spec name.</param>
/// <param name="CSharpName">Its PascalCase member name.</param>
/// <param name="Kind">Dense values or tokens.</param>
/// <param name="Width">Values per step: the dense size, or the vocabulary of one-hot tokens.</param>
/// <param name="Summary">What one step of it is, [B, width].</param>
public sealed record InputPlan(int Index, string Name, string CSharpName, InputKind Kind, int Width, string Summary);

/// <summary>How the sub-steps of one input step run.</summary>
/// <param name="Count">Simulated steps per input step.</param>
/// <param name="Unrolled">Whether each sub-step is written out (few sub-steps); else one loop runs them all, so the code stays the same size.</param>
/// <param name="UpdatingModules">The modules that update their features in a sub-step, by index (today every module, in every sub-step).</param>
public sealed record SubstepPlan(int Count, bool Unrolled, EquatableArray<int> UpdatingModules)
{
    /// <summary>More sub-steps than this run in a loop.</summary>
    public const int MaxUnrolled = 4;
}
