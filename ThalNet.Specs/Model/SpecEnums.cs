namespace ThalNet.Specs;

/// <summary>How a module reads its context from the center; everything about each lives in <see cref="Catalog"/>.</summary>
public enum ReadingMechanism
{
    Linear,
    WeightNorm,
    FastSoftmax,
    FastGaussian,
    Attention,
}

public enum ModuleRole
{
    Input,
    Side,
    Output,
}

public enum LayerKind
{
    FeedForward,
    Gru,
    Lstm,
}

public enum Activation
{
    None,
    Relu,
    Tanh,
    Sigmoid,
    Gelu,
}

public enum InputKind
{
    /// <summary>A dense vector of <c>size</c> values per step.</summary>
    Dense,

    /// <summary>An integer token per step, fed one-hot; the width is the vocabulary.</summary>
    Tokens,
}

public enum LossKind
{
    CrossEntropy,
    Mse,
}

/// <summary>When an output is trained: at the last step only, or at every step.</summary>
public enum OutputTiming
{
    Last,
    Every,
}
