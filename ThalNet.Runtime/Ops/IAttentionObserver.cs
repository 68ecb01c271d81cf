namespace ThalNet.Runtime;

/// <summary>
/// Sees the attention of a fast read as it is computed. Declared here, beside the operations that call it, so that
/// analysis (which implements it) depends on the operations and layers and never the other way round.
/// </summary>
public interface IAttentionObserver
{
    /// <summary>Attention a[b, c, k] of <paramref name="batch"/> rows over <paramref name="center"/> positions for <paramref name="context"/> elements.</summary>
    void Add(ReadOnlySpan<float> attention, int batch, int center, int context);
}
