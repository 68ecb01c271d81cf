namespace ThalNet.Runtime.Training;

/// <summary>The optimizers a <see cref="Trainer{TModel}"/> can build (names parse case-insensitively: rmsprop, adam).</summary>
public enum OptimizerKind
{
    /// <summary>RMSprop (alpha 0.99, eps 1e-8), the paper's optimizer.</summary>
    RmsProp,

    /// <summary>Adam (betas 0.9, 0.999, eps 1e-8).</summary>
    Adam,
}
