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
/// <param name="UpdatingModules">The modules that may update their features in a sub-step, by index (every module, in every sub-step; with <see cref="Active"/> each example keeps only the selected ones' updates).</param>
/// <param name="Active">The competition of the modules (<c>active: k</c>); null when every module updates.</param>
public sealed record SubstepPlan(int Count, bool Unrolled, EquatableArray<int> UpdatingModules, ActivePlan? Active = null)
{
    /// <summary>
    /// Whether a module's update depends only on the previous center and its own state, so that workers may split the
    /// modules of a sub-step; not when the modules compete, since the selection needs every module's read.
    /// </summary>
    public bool ModulesIndependent => Active is null;

    /// <summary>More sub-steps than this run in a loop.</summary>
    public const int MaxUnrolled = 4;
}

/// <summary>
/// How the modules compete at every sub-step (<c>active: k</c>): once every module has read (each read giving its
/// null-slot weight, <see cref="ReadPlan.NullWeight"/>), a mask [B, M] selects per example the <see cref="K"/> modules
/// whose reads put the least weight on the null slot; every state entry of <see cref="Kept"/> then takes the module's new
/// value where it is selected and keeps its previous one where not. The center is joined from the kept features, so an
/// inactive module's slice of the center stays too.
/// </summary>
/// <param name="K">How many modules update per example.</param>
/// <param name="Kept">Per module (in module order), the state entries (indices into <see cref="StepPlan.State"/>) an inactive module keeps: its features, hidden and cell states.</param>
public sealed record ActivePlan(int K, EquatableArray<ModuleKeptState> Kept);

/// <summary>The state entries one module keeps while it is not active.</summary>
/// <param name="Module">The module's index.</param>
/// <param name="States">Its state entries, indices into <see cref="StepPlan.State"/>, in state order.</param>
public sealed record ModuleKeptState(int Module, EquatableArray<int> States);
