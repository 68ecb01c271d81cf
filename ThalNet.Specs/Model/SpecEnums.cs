namespace ThalNet.Specs;

/// <summary>How a module reads its context from the center; everything about each lives in <see cref="Catalog"/>.</summary>
public enum ReadingMechanism
{
    /// <summary>Linear reading: context = center @ w^T.</summary>
    Linear,
    /// <summary>Weight-normalised reading (the paper's default): context = center @ (beta w / ||w||)^T.</summary>
    WeightNorm,
    /// <summary>Fast softmax reading: attention over the center computed from the module's own features.</summary>
    FastSoftmax,
    /// <summary>
    /// Fast Gaussian reading: a Gaussian over center positions per context element, placed by the module's own
    /// features.
    /// </summary>
    FastGaussian,
    /// <summary>
    /// Key-value attention over the module slices of the center with a null slot: the query from the module's own
    /// slice, a key and a value from every module's slice (as in Recurrent Independent Mechanisms).
    /// </summary>
    Attention,
}

/// <summary>What part a module plays in the model.</summary>
public enum ModuleRole
{
    /// <summary>Reads task inputs besides its context.</summary>
    Input,
    /// <summary>Reads only its context; its features reach the others through the center.</summary>
    Side,
    /// <summary>Maps its features to one or more task outputs, each with a loss.</summary>
    Output,
}

/// <summary>A layer kind of a module's stack (spec words <c>ff</c>, <c>gru</c>, <c>lstm</c>).</summary>
public enum LayerKind
{
    /// <summary>A fully connected layer with an optional activation.</summary>
    FeedForward,
    /// <summary>A GRU cell (PyTorch's gate order r, z, n).</summary>
    Gru,
    /// <summary>An LSTM cell (PyTorch's gate order i, f, g, o); its cell state is carried in the model state.</summary>
    Lstm,
}

/// <summary>The activation after a fully connected layer.</summary>
public enum Activation
{
    /// <summary>None: the layer's affine output as it is.</summary>
    None,
    /// <summary>max(0, x).</summary>
    Relu,
    /// <summary>The hyperbolic tangent.</summary>
    Tanh,
    /// <summary>The logistic function 1 / (1 + e^-x).</summary>
    Sigmoid,
    /// <summary>The Gaussian error linear unit (PyTorch's exact, erf-based form).</summary>
    Gelu,
}

/// <summary>What a task input carries per step.</summary>
public enum InputKind
{
    /// <summary>A dense vector of <c>size</c> values per step.</summary>
    Dense,

    /// <summary>An integer token per step, fed one-hot; the width is the vocabulary.</summary>
    Tokens,
}

/// <summary>The loss an output head trains with.</summary>
public enum LossKind
{
    /// <summary>
    /// Softmax cross-entropy of the head's logits against class indices, averaged over rows (and steps).
    /// </summary>
    CrossEntropy,
    /// <summary>Mean squared error of the head's values against dense targets, averaged over every element.</summary>
    Mse,
}

/// <summary>When an output is trained: at the last step only, or at every step.</summary>
public enum OutputTiming
{
    /// <summary>After the last input step only (<c>at: last</c>).</summary>
    Last,
    /// <summary>After every input step (<c>at: every</c>).</summary>
    Every,
}
