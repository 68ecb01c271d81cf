namespace ThalNet.Runtime.Nn;

/// <summary>A reader whose context is center @ M^T for a matrix M [K, C] that does not depend on the features.</summary>
public abstract class StaticReader : Reader
{
    private long _generation = -1;
    private Tensor? _matrix;
    private Tensor? _matrixT;

    protected StaticReader(int centerSize, int contextSize)
        : base(centerSize, contextSize)
    {
    }

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

    public override Tensor Read(Tape tape, Tensor center, Tensor features)
    {
        var matrix = Matrix(tape);
        return tape.Linear(center, matrix, null, Activation.None, _matrixT);
    }

    protected abstract Tensor BuildMatrix(Tape tape);
}
