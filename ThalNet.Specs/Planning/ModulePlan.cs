namespace ThalNet.Specs;

/// <summary>One module's part of the step: its read, its layers in order, the state it writes and its heads.</summary>
/// <param name="Index">Its position in the center order.</param>
/// <param name="Name">The module's spec name.</param>
/// <param name="CSharpName">Its PascalCase member name.</param>
/// <param name="Role">Input, side or output.</param>
/// <param name="CenterOffset">Where its features start in the center; they fill <c>[CenterOffset, CenterOffset + FeatureSize)</c>.</param>
/// <param name="FeatureSize">The width of its features, its last layer's output.</param>
/// <param name="ContextSize">The width of the context it reads.</param>
/// <param name="InputIndices">The step inputs it reads (indices into <see cref="StepPlan.Inputs"/>), concatenated before its context.</param>
/// <param name="InputWidth">The sum of those inputs' widths.</param>
/// <param name="Read">How it reads its context.</param>
/// <param name="Layers">Its layers, in stack order.</param>
/// <param name="Features">Its features' entry in <see cref="StepPlan.State"/>: what its previous step gave, and what its last layer writes.</param>
/// <param name="Writes">The state entries its layers' outputs replace once the module has run, in order.</param>
/// <param name="Heads">Its outputs' indices in <see cref="StepPlan.Heads"/>.</param>
/// <param name="Summary">What the module is, for its documentation.</param>
public sealed record ModulePlan(
    int Index,
    string Name,
    string CSharpName,
    ModuleRole Role,
    int CenterOffset,
    int FeatureSize,
    int ContextSize,
    EquatableArray<int> InputIndices,
    int InputWidth,
    ReadPlan Read,
    EquatableArray<LayerPlan> Layers,
    int Features,
    EquatableArray<StateWrite> Writes,
    EquatableArray<int> Heads,
    string Summary);

/// <summary>A state entry replaced by a layer's output after its module has run.</summary>
/// <param name="State">The entry's index in <see cref="StepPlan.State"/>.</param>
/// <param name="Layer">The layer's index in its module.</param>
public readonly record struct StateWrite(int State, int Layer);

/// <summary>
/// How a module computes its context. Its forward receives what <see cref="Arguments"/> names, in the order of
/// <see cref="ReaderInputs"/> (today the previous center and the module's previous features, for every reader; a static
/// reader ignores the features).
/// </summary>
/// <param name="Kind">The reading mechanism, as the model's description names it.</param>
/// <param name="Types">The implementing type on each backend.</param>
/// <param name="Sizes">The constructor's sizes, in order, after <see cref="Slices"/> when given: center, context, then the module's features for readers weighted by them; the context alone for readers by module slices.</param>
/// <param name="Arguments">What its forward receives.</param>
/// <param name="FusedSlot">Its position in <see cref="StepPlan.FusedReads"/>, whose product gives [inputs; context] for this module; null when it reads alone.</param>
/// <param name="Summary">What the reader is, for its member's documentation.</param>
/// <param name="Slices">The center's module slices, which its constructor takes first (the attention reader); null for a reader of the whole center.</param>
/// <param name="NullWeight">Whether the read also gives the weight it put on its null slot, [B] per example: the model's modules compete
/// (<see cref="SubstepPlan.Active"/>), so the backend calls the reader's <c>Read</c> with <see cref="Arguments"/> and takes the weight too.</param>
public sealed record ReadPlan(
    ReadingMechanism Kind,
    BackendTypes Types,
    EquatableArray<int> Sizes,
    ReaderInputs Arguments,
    int? FusedSlot,
    string Summary,
    ModuleSlicesPlan? Slices = null,
    bool NullWeight = false);

/// <summary>The center as a reader by module slices sees it: every module's slice, and which one is the reader's own.</summary>
/// <param name="Offsets">Where each module's slice starts in the center, in module order.</param>
/// <param name="Sizes">Each module's slice width (its feature size), in module order.</param>
/// <param name="Module">The reading module's index, whose slice is its own.</param>
public sealed record ModuleSlicesPlan(EquatableArray<int> Offsets, EquatableArray<int> Sizes, int Module);

/// <summary>What a reader's forward receives, in this order; a reader that needs more (each module's slice of the center) gets a further flag.</summary>
[Flags]
public enum ReaderInputs
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The previous center [B, C].</summary>
    Center = 1,

    /// <summary>The module's own previous features [B, F].</summary>
    Features = 2,
}

/// <summary>
/// Static readers read the same center with a matrix that does not depend on the module's features, so one product
/// of the center with their stacked matrices gives every member's context (each already after its module's inputs).
/// A backend may print the members one by one instead: each member's <see cref="ReadPlan"/> is complete.
/// </summary>
/// <param name="Modules">The member modules' indices, in slot order.</param>
public sealed record FusedReadPlan(EquatableArray<int> Modules);
