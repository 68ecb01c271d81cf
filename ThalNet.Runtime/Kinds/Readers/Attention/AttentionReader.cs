namespace ThalNet.Runtime.Nn;

/// <summary>
/// Attention reading (as in Recurrent Independent Mechanisms): the module's query, from its own slice of the center,
/// attends over every module's slice (a key and a value from each, through that slice's columns of w_key and
/// w_value) and over a null slot of score 0 and value 0. Reads the center alone: the features argument is ignored.
/// </summary>
public sealed class AttentionReader : Reader
{
    private readonly int[] _sliceSizes;
    private long _generation = -1;
    private Tensor? _keyValuesTransposed;

    /// <param name="sliceSizes">The feature size of every module, in center order (the center is their concatenation).</param>
    /// <param name="module">The reading module's index among them; its slice is the query's input.</param>
    /// <param name="contextSize">K, the size of the context.</param>
    /// <param name="random">Draws the initial weights: every one U(±1/√F), F the reading module's feature size.</param>
    /// <exception cref="ArgumentOutOfRangeException">No slices, a slice below 1, or a module index outside them.</exception>
    public AttentionReader(IReadOnlyList<int> sliceSizes, int module, int contextSize, RandomSource random)
        : base(CenterOf(sliceSizes), contextSize)
    {
        if (module < 0 || module >= sliceSizes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(module), module, $"The reading module must be one of the {sliceSizes.Count} slices.");
        }

        _sliceSizes = [.. sliceSizes];
        ModuleIndex = module;
        var features = sliceSizes[module];
        WQuery = AddParameter("w_query", new Parameter(contextSize, features));
        BQuery = AddParameter("b_query", new Parameter(contextSize));
        WKey = AddParameter("w_key", new Parameter(contextSize, CenterSize));
        WValue = AddParameter("w_value", new Parameter(contextSize, CenterSize));
        foreach (var p in new[] { WQuery, BQuery, WKey, WValue })
        {
            Init.FanIn(p, features, random);
        }
    }

    /// <summary>The feature size of every module, in center order.</summary>
    public IReadOnlyList<int> SliceSizes => _sliceSizes;

    /// <summary>The reading module's index.</summary>
    public int ModuleIndex { get; }

    /// <summary>[K, F_module]: the query from the module's own slice.</summary>
    public Parameter WQuery { get; }

    /// <summary>[K].</summary>
    public Parameter BQuery { get; }

    /// <summary>[K, C]: module j's keys use the columns of its slice.</summary>
    public Parameter WKey { get; }

    /// <summary>[K, C]: module j's values use the columns of its slice.</summary>
    public Parameter WValue { get; }

    /// <inheritdoc/>
    public override bool IsStatic => false;

    /// <summary>When set, every read adds its weights [B, M + 1] over the module slices and the null slot here (for the
    /// analysis of whom the module attends to).</summary>
    public IModuleAttentionObserver? Probe { get; set; }

    /// <summary>The context [B, K] from the center [B, C]; <paramref name="features"/> is not used.</summary>
    public override Tensor Read(Tape tape, Tensor center, Tensor features) => Read(tape, center, out _);

    /// <summary>The context [B, K], and the weight of every example's read on the null slot, [B] (no gradient).</summary>
    public Tensor Read(Tape tape, Tensor center, out Tensor nullWeight)
    {
        if (_generation != tape.Generation || _keyValuesTransposed is null)
        {
            _keyValuesTransposed = tape.AttentionKeyValuesTransposed(WKey, WValue);
            _generation = tape.Generation;
        }

        return tape.AttentionRead(center, _sliceSizes, ModuleIndex, WQuery, BQuery, WKey, WValue, out nullWeight, _keyValuesTransposed, Probe);
    }

    private static int CenterOf(IReadOnlyList<int> sliceSizes)
    {
        if (sliceSizes.Count == 0 || sliceSizes.Any(s => s < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sliceSizes), $"Every module slice must have at least one feature; got [{string.Join(", ", sliceSizes)}].");
        }

        return sliceSizes.Sum();
    }
}
