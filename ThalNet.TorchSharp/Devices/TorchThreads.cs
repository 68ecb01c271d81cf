namespace ThalNet.TorchSharp;

/// <summary>
/// libtorch's intra-op thread count for ThalNet models. ThalNet's matrices are small (a few thousand values per
/// product), so a thread beyond the first gains little, and while other work shares the cores libtorch's default (one
/// thread per core) made a plain training loop several times slower (see docs/torchsharp.md). The first generated
/// model created in a process therefore sets libtorch to <see cref="Default"/> threads, unless the environment
/// variable <c>OMP_NUM_THREADS</c> chooses a count or the program called <see cref="Set"/> first. Call
/// <c>torch.set_num_threads</c> after creating a model to choose another count (a large model on a quiet machine with
/// many cores may gain from more).
/// </summary>
public static class TorchThreads
{
    /// <summary>The thread count ThalNet chooses: one.</summary>
    public const int Default = 1;

    private static int _chosen;

    /// <summary>Sets libtorch's thread count; ThalNet's models then leave it as it is.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public static void Set(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        torch.set_num_threads(threads);
        Volatile.Write(ref _chosen, 1);
    }

    /// <summary>Sets <see cref="Default"/> threads the first time it is called, unless the count was chosen already (by <see cref="Set"/> or <c>OMP_NUM_THREADS</c>).</summary>
    internal static void ApplyDefault()
    {
        if (Interlocked.Exchange(ref _chosen, 1) == 1 || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS")))
        {
            return;
        }

        torch.set_num_threads(Default);
    }
}
