namespace ThalNet.Runtime.Nn;

/// <summary>
/// A reading mechanism: maps the previous center [B, C] (and, for the fast readers, the reading module's own
/// previous features [B, F]) to that module's context [B, K].
/// </summary>
public abstract class Reader : Module
{
    /// <summary>Called by the concrete readers.</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    protected Reader(int centerSize, int contextSize)
    {
        if (centerSize < 1 || contextSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(contextSize), $"Reader sizes must be positive; got center {centerSize}, context {contextSize}.");
        }

        CenterSize = centerSize;
        ContextSize = contextSize;
    }

    /// <summary>C, the width of the center it reads.</summary>
    public int CenterSize { get; }

    /// <summary>K, the width of the context it produces.</summary>
    public int ContextSize { get; }

    /// <summary>True when the reading weights do not depend on the features (linear and weight-normalised).</summary>
    public abstract bool IsStatic { get; }

    /// <summary>The module's context [B, K], recorded on <paramref name="tape"/>.</summary>
    /// <param name="tape">Records the operation.</param>
    /// <param name="center">The previous center [B, C].</param>
    /// <param name="features">The module's previous features [B, F]; static readers ignore them.</param>
    public abstract Tensor Read(Tape tape, Tensor center, Tensor features);
}
