namespace ThalNet.Runtime.Nn;

/// <summary>
/// Holds w^T for the current graph of a tape: weights do not change while a graph is recorded, so the transpose
/// that the matrix kernel wants is computed once per graph instead of once per time step.
/// </summary>
internal sealed class TransposeCache
{
    private Tensor? _transposed;
    private long _generation = -1;

    public Tensor Get(Tape tape, Tensor weight)
    {
        if (_generation != tape.Generation || _transposed is null)
        {
            _transposed = tape.TransposeConstant(weight);
            _generation = tape.Generation;
        }

        return _transposed;
    }
}
