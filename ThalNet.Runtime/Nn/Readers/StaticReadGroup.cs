namespace ThalNet.Runtime.Nn;

/// <summary>
/// The static readers of a model read the same center, so a sub-step reads for all of them with one product
/// (<see cref="Tape.StaticReads"/>) against their matrices stacked by rows. Each reader's matrix stays its own
/// (beta * w / ||w||_F per weight-norm reader), built once per graph; the stack is a concatenation, so each reader
/// gets the same gradient as if it had read alone.
/// </summary>
public sealed class StaticReadGroup
{
    private readonly StaticReader[] _readers;
    private readonly Tensor[] _matrixParts;
    private readonly Tensor[] _transposedParts;
    private readonly Tensor[] _outputs;
    private long _generation = -1;
    private Tensor? _matrices;
    private WorkerReads?[]? _byWorker;

    /// <summary>A group of static readers that read one center.</summary>
    /// <param name="readers">At least one reader, all with the same center size.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="readers"/> is null.</exception>
    /// <exception cref="ArgumentException">When there is no reader or the center sizes differ.</exception>
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

    /// <summary>The number of readers in the group.</summary>
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

        return tape.Group is { } group ? ReadOwn(group, tape, center, prefixes) : ReadAll(tape, center, prefixes);
    }

    private ReadOnlySpan<Tensor> ReadAll(Tape tape, Tensor center, ReadOnlySpan<Tensor?> prefixes)
    {
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

    /// <summary>
    /// In a module-parallel pass each worker reads for its own modules' readers only, with a group of its own (its own
    /// product, matrices and results); the entries of other workers' readers are left unset.
    /// </summary>
    private ReadOnlySpan<Tensor> ReadOwn(ModuleGroup group, Tape tape, Tensor center, ReadOnlySpan<Tensor?> prefixes)
    {
        var byWorker = _byWorker ?? Interlocked.CompareExchange(ref _byWorker, new WorkerReads?[group.Exchange.Workers], null) ?? _byWorker!;
        var own = byWorker[group.Index] ??= new WorkerReads(_readers, group);
        if (own.Group is null)
        {
            return own.Outputs;
        }

        for (var i = 0; i < own.Positions.Length; i++)
        {
            own.Prefixes[i] = prefixes[own.Positions[i]];
        }

        var results = own.Group.ReadAll(tape, center, own.Prefixes);
        for (var i = 0; i < own.Positions.Length; i++)
        {
            own.Outputs[own.Positions[i]] = results[i];
        }

        return own.Outputs;
    }

    /// <summary>One worker's readers of the group: their positions in it, their own group, and the whole group's results.</summary>
    private sealed class WorkerReads
    {
        public WorkerReads(StaticReader[] readers, ModuleGroup group)
        {
            Positions = [.. Enumerable.Range(0, readers.Length).Where(i => group.RunsPart(readers[i]))];
            Group = Positions.Length == 0 ? null : new StaticReadGroup([.. Positions.Select(i => readers[i])]);
            Prefixes = new Tensor?[Positions.Length];
            Outputs = new Tensor[readers.Length];
        }

        public int[] Positions { get; }

        public StaticReadGroup? Group { get; }

        public Tensor?[] Prefixes { get; }

        public Tensor[] Outputs { get; }
    }
}
