namespace ThalNet.TorchSharp.Nn;

/// <summary>A reader whose context is center @ M^T for a matrix M [K, C] that does not depend on the features.</summary>
public abstract class StaticReader : Reader
{
    /// <summary>Called by the concrete static readers.</summary>
    /// <param name="name">The module name TorchSharp registers.</param>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    protected StaticReader(string name, int centerSize, int contextSize)
        : base(name, centerSize, contextSize)
    {
    }

    private Tensor? _sequenceMatrixT;

    /// <summary>True: the reading matrix does not depend on the features.</summary>
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

    /// <summary>The context [B, K] = center @ M^T, with M from <see cref="Matrix"/> (or built once per sequence after
    /// <see cref="BeginSequence"/>).</summary>
    /// <param name="center">The previous center [B, C].</param>
    /// <param name="features">Ignored: static readers do not depend on the features.</param>
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
