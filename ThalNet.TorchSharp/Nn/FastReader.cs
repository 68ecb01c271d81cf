namespace ThalNet.TorchSharp.Nn;

/// <summary>A reader whose attention over the center is predicted per example from the module's previous features.</summary>
public abstract class FastReader : Reader
{
    protected FastReader(string name, int centerSize, int contextSize)
        : base(name, centerSize, contextSize)
    {
    }

    public override bool IsStatic => false;

    /// <summary>When set, sees every read's attention a [B, C, K] (detached, on the model's device), for heatmaps of what the module reads.</summary>
    public Action<Tensor>? AttentionObserver { get; set; }

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
