namespace ThalNet.TorchSharp.Nn;

/// <summary>A reader whose context is center @ M^T for a matrix M [K, C] that does not depend on the features.</summary>
public abstract class StaticReader : Reader
{
    protected StaticReader(string name, int centerSize, int contextSize)
        : base(name, centerSize, contextSize)
    {
    }

    private Tensor? _sequenceMatrixT;

    public override bool IsStatic => true;

    /// <summary>The effective reading matrix [K, C], part of the graph (for analysis, detach it).</summary>
    public abstract Tensor Matrix();

    /// <summary>
    /// Builds M^T once for the reads of a whole sequence (the weights do not change within it), so a weight-norm
    /// reader normalises once per sequence, not once per step; its gradient still flows to the parameters.
    /// </summary>
    public void BeginSequence() => _sequenceMatrixT = Matrix().t();

    /// <summary>Back to building the matrix at every read.</summary>
    public void EndSequence() => _sequenceMatrixT = null;

    public override Tensor forward(Tensor center, Tensor features)
    {
        if (_sequenceMatrixT is { } matrixT)
        {
            return center.matmul(matrixT);
        }

        using var scope = torch.NewDisposeScope();
        return center.matmul(Matrix().t()).MoveToOuterDisposeScope();
    }
}
