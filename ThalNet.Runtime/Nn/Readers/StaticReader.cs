namespace ThalNet.Runtime.Nn;

/// <summary>A reader whose context is center @ M^T for a matrix M [K, C] that does not depend on the features.</summary>
public abstract class StaticReader : Reader
{
    private long _generation = -1;
    private Tensor? _matrix;
    private Tensor? _matrixT;

    /// <summary>Called by the concrete static readers.</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    protected StaticReader(int centerSize, int contextSize)
        : base(centerSize, contextSize)
    {
    }

    /// <summary>True: the reading matrix does not depend on the features.</summary>
    public override bool IsStatic => true;

    /// <summary>The effective reading matrix [K, C], recorded once per graph (its gradient accumulates over all steps).</summary>
    public Tensor Matrix(Tape tape)
    {
        if (_generation != tape.Generation || _matrix is null || _matrixT is null)
        {
            _matrix = BuildMatrix(tape);
            _matrixT = tape.TransposeConstant(_matrix);
            _generation = tape.Generation;
        }

        return _matrix;
    }

    /// <summary>The effective reading matrix transposed, [C, K], a constant of the current graph.</summary>
    internal Tensor MatrixTransposed(Tape tape)
    {
        Matrix(tape);
        return _matrixT!;
    }

    /// <summary>The context [B, K] = center @ M^T, with M built once per graph.</summary>
    /// <param name="tape">Records the operation.</param>
    /// <param name="center">The previous center [B, C].</param>
    /// <param name="features">Ignored: static readers do not depend on the features.</param>
    public override Tensor Read(Tape tape, Tensor center, Tensor features)
    {
        var matrix = Matrix(tape);
        return tape.Linear(center, matrix, null, Activation.None, _matrixT);
    }

    /// <summary>
    /// Records the effective reading matrix [K, C] on <paramref name="tape"/>; called once per graph by <see
    /// cref="Matrix"/>.
    /// </summary>
    protected abstract Tensor BuildMatrix(Tape tape);
}
