namespace ThalNet.Runtime.Nn;

/// <summary>A reader whose attention over the center is predicted per example from the module's previous features.</summary>
public abstract class FastReader : Reader
{
    protected FastReader(int centerSize, int contextSize)
        : base(centerSize, contextSize)
    {
    }

    public override bool IsStatic => false;

    /// <summary>When set, every read adds its attention here (for heatmaps of what the module reads).</summary>
    public IAttentionObserver? Probe { get; set; }
}
