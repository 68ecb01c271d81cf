namespace ThalNet.Runtime;

/// <summary>
/// What the workers of a module-parallel pass hand each other at a join: each module's new features (forward), and
/// per worker the gradient its center sends back to every module (backward). Slots alternate between two sets by
/// the join's parity: a worker writes a set again only two joins later, after a meeting the reader of the set has
/// also passed, so one meeting per join is enough.
/// </summary>
internal sealed class ModuleExchange
{
    private readonly Tensor?[][] _features;
    private readonly Tensor?[][][] _gradients;

    public ModuleExchange(int workers, int modules)
    {
        Workers = workers;
        Barrier = new SpinBarrier(workers);
        _features = [new Tensor?[modules], new Tensor?[modules]];
        _gradients = [NewSet(workers, modules), NewSet(workers, modules)];
    }

    public int Workers { get; }

    public SpinBarrier Barrier { get; }

    /// <summary>Module features published at join <paramref name="join"/>, by module.</summary>
    public Tensor?[] Features(int join) => _features[join & 1];

    /// <summary>The center gradient worker <paramref name="worker"/> sends each module at join <paramref name="join"/>, by module.</summary>
    public Tensor?[] Gradients(int join, int worker) => _gradients[join & 1][worker];

    private static Tensor?[][] NewSet(int workers, int modules)
    {
        var set = new Tensor?[workers][];
        for (var w = 0; w < workers; w++)
        {
            set[w] = new Tensor?[modules];
        }

        return set;
    }
}
