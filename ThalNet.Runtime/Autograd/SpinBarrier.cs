namespace ThalNet.Runtime;

/// <summary>
/// A reusable barrier for the few threads of a module-parallel pass, which meet twice per sub-step: they spin (and
/// yield, never sleep) because each phase between meetings lasts microseconds. When one thread fails it aborts the
/// barrier, and every thread waiting or arriving later throws instead of waiting forever.
/// </summary>
internal sealed class SpinBarrier
{
    private const int PauseSpins = 4000;

    private readonly int _parties;
    private int _arrived;
    private volatile int _phase;
    private volatile bool _aborted;

    public SpinBarrier(int parties)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);
        _parties = parties;
    }

    /// <summary>Waits until every party has arrived at this phase.</summary>
    public void SignalAndWait()
    {
        ThrowIfAborted();
        var phase = _phase;
        if (Interlocked.Increment(ref _arrived) == _parties)
        {
            _arrived = 0;
            _phase = phase + 1;
            return;
        }

        // Pause-spin first (the other worker is usually microseconds away), then yield so that on a busy machine the
        // worker being waited for can run.
        var spins = 0;
        var spinner = default(SpinWait);
        while (_phase == phase)
        {
            ThrowIfAborted();
            if (++spins < PauseSpins)
            {
                Thread.SpinWait(4);
            }
            else
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    /// <summary>Releases every waiting party with an exception; called by a party that failed.</summary>
    public void Abort() => _aborted = true;

    /// <summary>Makes the barrier usable again for a new pass (no party may be waiting).</summary>
    public void Reset()
    {
        _arrived = 0;
        _aborted = false;
    }

    private void ThrowIfAborted()
    {
        if (_aborted)
        {
            throw new OperationCanceledException("Another worker of this module-parallel pass failed.");
        }
    }
}
