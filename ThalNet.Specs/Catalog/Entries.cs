using System.Collections.Generic;

namespace ThalNet.Specs;

/// <summary>A reading mechanism: how a module computes its context from the previous center.</summary>
/// <param name="Kind">The enum value this entry describes.</param>
/// <param name="Word">The spec word (<c>weight-norm</c>).</param>
/// <param name="Adjective">Its name in generated documentation (<c>weight-normalised</c>).</param>
/// <param name="Formula">What it computes, for the documentation table.</param>
/// <param name="ReadsOwnFeatures">Whether it weighs the center by the module's own previous features (the fast readers); their constructors then take F.</param>
/// <param name="Parameters">Its parameters, in registration order, with shapes in the reader's sizes (C, K, F).</param>
/// <param name="Types">The type implementing it on each backend.</param>
public sealed record ReadingEntry(
    ReadingMechanism Kind,
    string Word,
    string Adjective,
    string Formula,
    bool ReadsOwnFeatures,
    IReadOnlyList<CatalogParameter<ReaderSizes>> Parameters,
    BackendTypes Types)
{
    /// <summary>
    /// Whether it reads the center by module slices (attention): its constructors then take the feature sizes of the
    /// center's slices in module order, the reading module's index and K, instead of C and K.
    /// </summary>
    public bool ReadsModuleSlices { get; init; }

    /// <summary>
    /// Whether it has a null slot whose weight it reports with every read: the activity (1 - null weight) that
    /// <c>active: k</c> ranks the modules by. Only such readers may compete.
    /// </summary>
    public bool HasNullSlot { get; init; }
}

/// <summary>What a layer carries from one step to the next.</summary>
public enum Recurrence
{
    /// <summary>Nothing: <c>Forward(tape, x)</c>.</summary>
    None,

    /// <summary>Its output h: <c>Forward(tape, x, h)</c>.</summary>
    Hidden,

    /// <summary>Its output h and a cell state c that only the model state holds: <c>Forward(tape, x, h, ref c)</c>.</summary>
    HiddenAndCell,
}

/// <summary>A layer kind of a module's stack.</summary>
/// <param name="Kind">The enum value this entry describes.</param>
/// <param name="Word">The spec word (<c>gru</c>), also the layer's parameter name part.</param>
/// <param name="Summary">What it computes, for the documentation table.</param>
/// <param name="TakesActivation">Whether the spec may name an activation after the size (<c>ff 32 relu</c>).</param>
/// <param name="Recurrence">What it carries from one step to the next, which decides its step signature and state
/// tensors.</param>
/// <param name="MemberDoc">Generated documentation of the layer member: {0} the input shape, {1} the output size, {2} the activation word.</param>
/// <param name="Parameters">Its parameters, in registration order, with shapes in the layer's sizes (I, H).</param>
/// <param name="Types">The type implementing it on each backend.</param>
public sealed record LayerEntry(
    LayerKind Kind,
    string Word,
    string Summary,
    bool TakesActivation,
    Recurrence Recurrence,
    string MemberDoc,
    IReadOnlyList<CatalogParameter<LayerSizes>> Parameters,
    BackendTypes Types);

/// <summary>
/// An activation of <c>ff</c> layers. <see cref="Types"/> names its implementation on each backend, which the
/// backend's FeedForward layer finds through this entry: on the engine an internal kernel class (its forward, its
/// backward and whether it may run in place), on TorchSharp a <c>TorchActivation</c>.
/// </summary>
public sealed record ActivationEntry(Activation Kind, string Word, string Formula, BackendTypes Types);

/// <summary>What an output's targets are.</summary>
public enum TargetKind
{
    /// <summary>Integer class indices in [0, size).</summary>
    ClassIndices,

    /// <summary>Dense float values, one per output element.</summary>
    Dense,
}

/// <summary>What a head trained with a loss is judged by: the headline metric of epoch lines, logs, curves and ablations.</summary>
public enum HeadMetric
{
    /// <summary>The fraction of predictions whose largest value is the target class (higher is better).</summary>
    Accuracy,

    /// <summary>The loss in bits per predicted byte, for a byte-level language-model head (lower is better).</summary>
    BitsPerCharacter,

    /// <summary>The mean over every element of (prediction - target)^2, reported with its root (lower is better).</summary>
    MeanSquaredError,
}

/// <summary>A loss of an output head.</summary>
/// <param name="Kind">The enum value this entry describes.</param>
/// <param name="Word">The spec word (<c>cross-entropy</c>).</param>
/// <param name="Formula">What it computes, for the documentation table.</param>
/// <param name="HeadValues">What the head's values are, for generated documentation (<c>logits</c>).</param>
/// <param name="Targets">What its targets are: class indices or dense values.</param>
/// <param name="Method">The method implementing it on each backend's type: on the engine a Tape operation, on TorchSharp a static method of its losses class.</param>
/// <param name="Metric">What a head with this loss is measured by (a cross-entropy head predicting the next byte at every step is measured in <see cref="HeadMetric.BitsPerCharacter"/> instead of its accuracy).</param>
/// <param name="Types">The type that holds <paramref name="Method"/> on each backend.</param>
public sealed record LossEntry(
    LossKind Kind,
    string Word,
    string Formula,
    string HeadValues,
    TargetKind Targets,
    string Method,
    HeadMetric Metric,
    BackendTypes Types);

/// <summary>The linear head that maps a module's features to one output.</summary>
public sealed record HeadEntry(IReadOnlyList<CatalogParameter<HeadSizes>> Parameters, BackendTypes Types);
