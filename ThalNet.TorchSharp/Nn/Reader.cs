namespace ThalNet.TorchSharp.Nn;

/// <summary>
/// A reading mechanism: maps the previous center [B, C] (and, for the fast readers, the reading module's own
/// previous features [B, F]) to that module's context [B, K].
/// </summary>
public abstract class Reader : nn.Module<Tensor, Tensor, Tensor>
{
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

    public int CenterSize { get; }

    public int ContextSize { get; }

    /// <summary>True when the reading weights do not depend on the features (linear and weight-normalised).</summary>
    public abstract bool IsStatic { get; }
}
