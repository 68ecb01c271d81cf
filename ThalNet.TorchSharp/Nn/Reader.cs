namespace ThalNet.TorchSharp.Nn;

/// <summary>
/// A reading mechanism: maps the previous center [B, C] (and, for the fast readers, the reading module's own
/// previous features [B, F]) to that module's context [B, K].
/// </summary>
public abstract class Reader : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Called by the concrete readers.</summary>
    /// <param name="name">The module name TorchSharp registers.</param>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    protected Reader(string name, int centerSize, int contextSize)
        : base(name)
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
}
