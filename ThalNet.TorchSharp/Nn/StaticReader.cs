namespace ThalNet.TorchSharp.Nn;

/// <summary>A reader whose context is center @ M^T for a matrix M [K, C] that does not depend on the features.</summary>
public abstract class StaticReader : Reader
{
    protected StaticReader(string name, int centerSize, int contextSize)
        : base(name, centerSize, contextSize)
    {
    }

    public override bool IsStatic => true;

    /// <summary>The effective reading matrix [K, C], part of the graph (for analysis, detach it).</summary>
    public abstract Tensor Matrix();

    public override Tensor forward(Tensor center, Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        return center.matmul(Matrix().t()).MoveToOuterDisposeScope();
    }
}
