namespace ThalNet.TorchSharp.Nn;

/// <summary>A reader whose attention over the center is predicted per example from the module's previous features.</summary>
public abstract class FastReader : Reader
{
    /// <summary>Called by the concrete fast readers.</summary>
    /// <param name="name">The module name TorchSharp registers.</param>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    protected FastReader(string name, int centerSize, int contextSize)
        : base(name, centerSize, contextSize)
    {
    }

    /// <summary>False: the attention depends on the features.</summary>
    public override bool IsStatic => false;

    /// <summary>When set, sees every read's attention a [B, C, K] (detached, on the model's device), for heatmaps of what the module reads.</summary>
    public Action<Tensor>? AttentionObserver { get; set; }

    /// <summary>The context [B, K]: the center weighted by this example's attention, context[b, k] = Σ_c a[b, c, k]
    /// center[b, c].</summary>
    /// <param name="center">The previous center [B, C].</param>
    /// <param name="features">The module's previous features [B, F].</param>
    public sealed override Tensor forward(Tensor center, Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        var attention = Attention(features);
        if (AttentionObserver is { } observer)
        {
            observer(attention.detach());
        }

        // context[b, k] = sum_c a[b, c, k] * center[b, c]
        var context = center.unsqueeze(1).bmm(attention).squeeze(1);
        return context.MoveToOuterDisposeScope();
    }

    /// <summary>The attention a [B, C, K] over center positions, one distribution per context element.</summary>
    public abstract Tensor Attention(Tensor features);
}
