namespace ThalNet.Runtime.Parallel;

/// <summary>
/// A fixed set of threads that each run the same action with their index; the caller's thread is worker 0.
/// Dispatch and completion use events that spin briefly before blocking, so a pass allocates nothing.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly Action<int> _work;
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _start;
    private readonly ManualResetEventSlim[] _done;
    private readonly Exception?[] _errors;
    private volatile bool _stopping;

    public WorkerPool(int workers, Action<int> work)
    {
        _work = work;
        _threads = new Thread[workers - 1];
        _start = new ManualResetEventSlim[workers - 1];
        _done = new ManualResetEventSlim[workers - 1];
        _errors = new Exception?[workers];
        for (var i = 0; i < _threads.Length; i++)
        {
            _start[i] = new ManualResetEventSlim(false, spinCount: 2000);
            _done[i] = new ManualResetEventSlim(false, spinCount: 2000);
            var index = i;
            _threads[i] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"ThalNet worker {i + 1}" };
            _threads[i].Start();
        }
    }

    public void Run()
    {
        foreach (var e in _start)
        {
            e.Set();
        }

        try
        {
            _work(0);
        }
        catch (Exception ex)
        {
            _errors[0] = ex;
        }

        foreach (var e in _done)
        {
            e.Wait();
            e.Reset();
        }

        // The cause, not a worker that gave up waiting for the failed one (module-parallel passes abort their barrier).
        var failed = Array.FindIndex(_errors, e => e is not null and not OperationCanceledException);
        failed = failed >= 0 ? failed : Array.FindIndex(_errors, e => e is not null);
        if (failed >= 0)
        {
            var error = _errors[failed]!;
            Array.Clear(_errors);
            throw new AggregateException($"Worker {failed} failed: {error.Message}", error);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (var e in _start)
        {
            e.Set();
        }

        foreach (var t in _threads)
        {
            t.Join();
        }

        foreach (var e in _start)
        {
            e.Dispose();
        }

        foreach (var e in _done)
        {
            e.Dispose();
        }
    }

    private void Loop(int index)
    {
        while (true)
        {
            _start[index].Wait();
            _start[index].Reset();
            if (_stopping)
            {
                return;
            }

            try
            {
                _work(index + 1);
            }
            catch (Exception ex)
            {
                _errors[index + 1] = ex;
            }

            _done[index].Set();
        }
    }
}
