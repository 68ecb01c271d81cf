namespace ThalNet.TorchSharp.Nn;

/// <summary>
/// Attention reading (as in Recurrent Independent Mechanisms): the module's query, from its own slice of the center,
/// attends over every module's slice (a key and a value from each, through that slice's columns of w_key and
/// w_value) and over a null slot of score 0 and value 0. Reads the center alone: the features argument is ignored.
/// </summary>
public sealed class AttentionReader : Reader
{
    // Fields, not auto-properties: TorchSharp registers them under these names, and to(device) replaces them.
    [ComponentName(Name = "w_query")]
    private Parameter _wQuery;

    [ComponentName(Name = "b_query")]
    private Parameter _bQuery;

    [ComponentName(Name = "w_key")]
    private Parameter _wKey;

    [ComponentName(Name = "w_value")]
    private Parameter _wValue;

    private readonly int[] _sliceSizes;
    private readonly int[] _offsets;

    /// <param name="sliceSizes">The feature size of every module, in center order (the center is their concatenation).</param>
    /// <param name="module">The reading module's index among them; its slice is the query's input.</param>
    /// <param name="contextSize">K, the size of the context.</param>
    /// <exception cref="ArgumentOutOfRangeException">No slices, a slice below 1, or a module index outside them.</exception>
    public AttentionReader(IReadOnlyList<int> sliceSizes, int module, int contextSize)
        : base(nameof(AttentionReader), CenterOf(sliceSizes), contextSize)
    {
        if (module < 0 || module >= sliceSizes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(module), module, $"The reading module must be one of the {sliceSizes.Count} slices.");
        }

        _sliceSizes = [.. sliceSizes];
        _offsets = new int[_sliceSizes.Length];
        for (var j = 1; j < _offsets.Length; j++)
        {
            _offsets[j] = _offsets[j - 1] + _sliceSizes[j - 1];
        }

        ModuleIndex = module;
        var features = sliceSizes[module];
        _wQuery = Init.FanIn([contextSize, features], features);
        _bQuery = Init.FanIn([contextSize], features);
        _wKey = Init.FanIn([contextSize, CenterSize], features);
        _wValue = Init.FanIn([contextSize, CenterSize], features);
        RegisterComponents();
    }

    /// <summary>The feature size of every module, in center order.</summary>
    public IReadOnlyList<int> SliceSizes => _sliceSizes;

    /// <summary>The reading module's index.</summary>
    public int ModuleIndex { get; }

    /// <summary>[K, F_module]: the query from the module's own slice.</summary>
    public Parameter WQuery => _wQuery;

    /// <summary>[K].</summary>
    public Parameter BQuery => _bQuery;

    /// <summary>[K, C]: module j's keys use the columns of its slice.</summary>
    public Parameter WKey => _wKey;

    /// <summary>[K, C]: module j's values use the columns of its slice.</summary>
    public Parameter WValue => _wValue;

    /// <inheritdoc/>
    public override bool IsStatic => false;

    /// <summary>When set, sees every read's weights [B, M + 1] (detached, on the model's device): the softmax over the
    /// module slices in center order and, last, the null slot; each row sums to 1. The tensor is disposed after the call.</summary>
    public Action<Tensor>? AttentionObserver { get; set; }

    /// <summary>The context [B, K] from the center [B, C]; <paramref name="features"/> is not used.</summary>
    public override Tensor forward(Tensor center, Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        var (context, _) = Read(center);
        return context.MoveToOuterDisposeScope();
    }

    /// <summary>The context [B, K], and the weight of every example's read on the null slot, [B] (part of the graph; detach it to rank modules).</summary>
    public (Tensor Context, Tensor NullWeight) Read(Tensor center)
    {
        using var scope = torch.NewDisposeScope();
        var modules = _sliceSizes.Length;
        var k = ContextSize;
        var own = center.narrow(1, _offsets[ModuleIndex], _sliceSizes[ModuleIndex]);
        var query = torch.nn.functional.linear(own, WQuery, BQuery);
        var keys = new Tensor[modules];
        var values = new Tensor[modules];
        for (var j = 0; j < modules; j++)
        {
            var slice = center.narrow(1, _offsets[j], _sliceSizes[j]);
            keys[j] = slice.matmul(WKey.narrow(1, _offsets[j], _sliceSizes[j]).t());
            values[j] = slice.matmul(WValue.narrow(1, _offsets[j], _sliceSizes[j]).t());
        }

        // [B, M, K] @ [B, K, 1]: every module's score; the null slot scores 0.
        var scores = torch.stack(keys, 1).bmm(query.unsqueeze(2)).squeeze(2) / Math.Sqrt(k);
        var weights = torch.cat([scores, torch.zeros([center.shape[0], 1], dtype: scores.dtype, device: scores.device)], 1).softmax(1);
        if (AttentionObserver is { } observer)
        {
            observer(weights.detach());
        }

        var context = weights.narrow(1, 0, modules).unsqueeze(1).bmm(torch.stack(values, 1)).squeeze(1);
        var nullWeight = weights.select(1, modules);
        return (context.MoveToOuterDisposeScope(), nullWeight.MoveToOuterDisposeScope());
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
