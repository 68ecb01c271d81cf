namespace ThalNet.Runtime;

/// <summary>
/// Sees the weights of an attention read (reading: attention) as they are computed: for every example, the softmax
/// over the module slices of the center and the null slot. Declared beside the operations that call it, like
/// <see cref="IAttentionObserver"/>, so that analysis depends on the operations and never the other way round.
/// </summary>
public interface IModuleAttentionObserver
{
    /// <summary>
    /// Weights a[b, j] of <paramref name="batch"/> rows, [B, M + 1] row-major: j &lt; M is module j's slice (center
    /// order), j = M the null slot; every row sums to 1. The span is the tape's: read it during the call.
    /// </summary>
    /// <param name="weights">The weights, <paramref name="batch"/> × (<paramref name="modules"/> + 1) values.</param>
    /// <param name="batch">B, the rows of this read.</param>
    /// <param name="modules">M, the module slices attended over (the null slot comes after them).</param>
    void Add(ReadOnlySpan<float> weights, int batch, int modules);
}
