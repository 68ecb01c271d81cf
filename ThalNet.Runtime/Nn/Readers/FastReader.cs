namespace ThalNet.Runtime.Nn;

/// <summary>A reader whose attention over the center is predicted per example from the module's previous features.</summary>
public abstract class FastReader : Reader
{
    /// <summary>Called by the concrete fast readers.</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    protected FastReader(int centerSize, int contextSize)
        : base(centerSize, contextSize)
    {
    }

    /// <summary>False: the attention depends on the features.</summary>
    public override bool IsStatic => false;

    /// <summary>When set, every read adds its attention here (for heatmaps of what the module reads).</summary>
    public IAttentionObserver? Probe { get; set; }
}
