namespace ThalNet.Runtime.Nn;

/// <summary>
/// The static readers of a model read the same center, so a sub-step reads for all of them with one product
/// (<see cref="Tape.StaticReads"/>) against their matrices stacked by rows. Each reader's matrix stays its own
/// (beta * w / ||w||_F per weight-norm reader), built once per graph; the stack is a concatenation, so gradients
/// reach every reader exactly as before.
/// </summary>
public sealed class StaticReadGroup
{
    private readonly StaticReader[] _readers;
    private readonly Tensor[] _matrixParts;
    private readonly Tensor[] _transposedParts;
    private readonly Tensor[] _outputs;
    private long _generation = -1;
    private Tensor? _matrices;

    public StaticReadGroup(params StaticReader[] readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        if (readers.Length == 0)
        {
            throw new ArgumentException("A static read group needs at least one reader.", nameof(readers));
        }

        var centerSize = readers[0].CenterSize;
        foreach (var reader in readers)
        {
            if (reader.CenterSize != centerSize)
            {
                throw new ArgumentException($"Readers of one group read one center; got center sizes {centerSize} and {reader.CenterSize}.", nameof(readers));
            }
        }

        _readers = readers;
        _matrixParts = new Tensor[readers.Length];
        _transposedParts = new Tensor[readers.Length];
        _outputs = new Tensor[readers.Length];
    }

    public int Count => _readers.Length;

    /// <summary>
    /// Reads every reader's context from <paramref name="center"/> [B, C] and returns, per reader, [prefixes[i]; context_i]
    /// (prefix: its module's inputs, or null). The returned span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<Tensor> Read(Tape tape, Tensor center, ReadOnlySpan<Tensor?> prefixes)
    {
        ArgumentNullException.ThrowIfNull(tape);
        if (prefixes.Length != _readers.Length)
        {
            throw new ArgumentException($"{_readers.Length} readers need {_readers.Length} prefixes (null for none); got {prefixes.Length}.", nameof(prefixes));
        }

        if (!tape.FuseStaticReads)
        {
            for (var i = 0; i < _readers.Length; i++)
            {
                var context = _readers[i].Read(tape, center, center);
                _outputs[i] = prefixes[i] is { } prefix ? tape.Concat(1, prefix, context) : context;
            }

            return _outputs;
        }

        if (_generation != tape.Generation || _matrices is null)
        {
            for (var i = 0; i < _readers.Length; i++)
            {
                _matrixParts[i] = _readers[i].Matrix(tape);
                _transposedParts[i] = _readers[i].MatrixTransposed(tape);
            }

            _matrices = _readers.Length == 1 ? _matrixParts[0] : tape.Concat(0, _matrixParts);
            _generation = tape.Generation;
        }

        tape.StaticReads(center, _matrices, _transposedParts, prefixes, _outputs);
        return _outputs;
    }
}
