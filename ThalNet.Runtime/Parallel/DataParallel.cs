using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Parallel;

/// <summary>
/// Splits each batch across worker threads, one model replica and one tape per worker. Replicas share the
/// primary's parameter values but keep their own gradients, which are summed into the primary's in worker order
/// after every pass, so results are bit-identical from run to run for a given worker count. With
/// <see cref="ParallelPlan.Modules"/> the workers instead split a ThalNet model's modules: every worker runs the
/// primary on all rows (<see cref="Share"/> gives each the whole batch) and each parameter's gradient is written by
/// the one worker that runs its module.
/// </summary>
public sealed class DataParallel<TModel> : IDisposable
    where TModel : Module
{
    private readonly TModel[] _replicas;
    private readonly Tape[] _tapes;
    private readonly Parameter[][] _parameters;
    private readonly float[] _losses;
    private readonly WorkerPool _pool;
    private readonly ModuleGroup[]? _groups;
    private Func<int, Tape, TModel, Tensor>? _pass;
    private Action<int, Tape, TModel>? _forwardPass;

    /// <param name="primary">The model the optimizer updates; worker 0 runs on it.</param>
    /// <param name="createReplica">Builds a model of the same architecture (its initial values are replaced).</param>
    /// <param name="workers">Number of workers (threads), at least 1.</param>
    /// <param name="plan">Split the rows (the default) or, for a ThalNet model with at least as many modules as workers, the modules.</param>
    public DataParallel(TModel primary, Func<TModel> createReplica, int workers, ParallelPlan plan = ParallelPlan.Data)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        if (plan == ParallelPlan.Modules)
        {
            if (primary is not Models.ThalNetModel { RunsModuleGroups: true } thalNet || thalNet.Info.Modules.Count < workers)
            {
                throw new ArgumentException($"Splitting the modules across {workers} workers needs a generated ThalNet model (RunsModuleGroups) with at least {workers} modules.", nameof(plan));
            }

            _groups = workers > 1 ? ModuleGroups.Create(thalNet, workers) : null;
        }

        _replicas = new TModel[workers];
        _tapes = new Tape[workers];
        _parameters = new Parameter[workers][];
        _losses = new float[workers];
        _replicas[0] = primary;
        var primaryParameters = primary.NamedParameters();
        for (var w = 0; w < workers; w++)
        {
            if (w > 0)
            {
                if (_groups is null)
                {
                    _replicas[w] = createReplica();
                    ShareValues(primaryParameters, _replicas[w].NamedParameters());
                }
                else
                {
                    _replicas[w] = primary; // the workers split its modules
                }
            }

            _tapes[w] = new Tape { Group = _groups?[w] };
            _parameters[w] = [.. _replicas[w].Parameters()];
        }

        _pool = new WorkerPool(workers, RunWorker);
    }

    /// <summary>The number of workers (threads).</summary>
    public int Workers => _replicas.Length;

    /// <summary>
    /// The model of worker 0, whose parameters every replica shares: the one to save, evaluate and analyse.
    /// </summary>
    public TModel Primary => _replicas[0];

    /// <summary>Whether the workers split the rows or the modules (<see cref="ParallelPlan.Modules"/> with one worker runs like <see cref="ParallelPlan.Data"/>).</summary>
    public ParallelPlan Plan => _groups is null ? ParallelPlan.Data : ParallelPlan.Modules;

    /// <summary>One model per worker; with the modules split, every entry is <see cref="Primary"/>.</summary>
    public IReadOnlyList<TModel> Replicas => _replicas;

    /// <summary>Worker <paramref name="worker"/>'s tape (valid until the next pass).</summary>
    public Tape TapeOf(int worker) => _tapes[worker];

    /// <summary>
    /// Runs <paramref name="pass"/> on every worker: it records its share of the batch on the given tape and replica
    /// and returns that share's loss, already weighted so that the shares add up to the batch loss. Backward runs on
    /// each worker; the summed gradients end up in the primary. Returns the batch loss. Pass a cached delegate to
    /// keep the step allocation-free.
    /// </summary>
    public float ForwardBackward(Func<int, Tape, TModel, Tensor> pass)
    {
        _pass = pass;
        if (_groups is not null)
        {
            foreach (var p in _parameters[0])
            {
                p.ZeroGrad();
            }

            _groups[0].Exchange.Barrier.Reset();
        }

        try
        {
            _pool.Run();
        }
        finally
        {
            _pass = null;
        }

        if (_groups is null) // splitting the modules, each gradient was written by its one worker: nothing to sum
        {
            SumReplicaGradients();
        }

        var loss = 0f;
        foreach (var l in _losses)
        {
            loss += l;
        }

        return loss;
    }

    /// <summary>
    /// Runs <paramref name="pass"/> on every worker in evaluation mode (<see cref="Module.Train"/> false), recording
    /// nothing, on the same replicas, tapes and threads as training. Results live until the next pass.
    /// </summary>
    public void Forward(Action<int, Tape, TModel> pass)
    {
        foreach (var replica in _replicas)
        {
            replica.Train(false);
        }

        _forwardPass = pass;
        _groups?[0].Exchange.Barrier.Reset();
        try
        {
            _pool.Run();
        }
        finally
        {
            _forwardPass = null;
            foreach (var replica in _replicas)
            {
                replica.Train(true);
            }
        }
    }

    /// <summary>Rows [start, start + count) of a batch of <paramref name="batch"/> rows that worker <paramref name="worker"/> takes.</summary>
    public (int Start, int Count) Share(int worker, int batch)
    {
        if (_groups is not null)
        {
            return (0, batch);
        }

        var workers = _replicas.Length;
        var start = (int)((long)batch * worker / workers);
        var end = (int)((long)batch * (worker + 1) / workers);
        return (start, end - start);
    }

    /// <summary>Stops the worker threads.</summary>
    public void Dispose() => _pool.Dispose();

    /// <summary>
    /// The worker whose copy of state tensor <paramref name="name"/> is current after a pass: under
    /// <see cref="ParallelPlan.Modules"/> the one running the module the state belongs to (any for the center, which
    /// every worker joins); null under <see cref="ParallelPlan.Data"/>, where each worker's rows are its own.
    /// </summary>
    public int? StateOwner(string name)
    {
        if (_groups is null)
        {
            return null;
        }

        var module = ModuleGroups.ModuleOf(((Models.ThalNetModel)(object)_replicas[0]).Info.Modules, name);
        return module < 0 ? 0 : Array.FindIndex(_groups, g => g.Runs(module));
    }

    /// <summary>Adds every replica's gradients into the primary's, in worker order.</summary>
    private void SumReplicaGradients()
    {
        var primary = _parameters[0];
        for (var w = 1; w < _replicas.Length; w++)
        {
            var replica = _parameters[w];
            for (var i = 0; i < primary.Length; i++)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(primary[i].Grad, replica[i].Grad, primary[i].Grad);
            }
        }
    }

    private void RunWorker(int worker)
    {
        if (_groups is null)
        {
            RunShare(worker);
            return;
        }

        try
        {
            RunShare(worker);
        }
        catch
        {
            _groups[worker].Exchange.Barrier.Abort(); // the other workers would wait for this one forever
            throw;
        }
    }

    private void RunShare(int worker)
    {
        var tape = _tapes[worker];
        var replica = _replicas[worker];
        tape.Reset();
        if (_forwardPass is { } forward)
        {
            using (tape.NoGrad())
            {
                forward(worker, tape, replica);
            }

            return;
        }

        if (_groups is null) // splitting the modules, the shared gradients were zeroed before the pass
        {
            foreach (var p in _parameters[worker])
            {
                p.ZeroGrad();
            }
        }

        var loss = _pass!(worker, tape, replica);
        tape.Backward(loss);
        _losses[worker] = loss.Item();
    }

    private static void ShareValues(IReadOnlyList<KeyValuePair<string, Parameter>> primary, IReadOnlyList<KeyValuePair<string, Parameter>> replica)
    {
        if (primary.Count != replica.Count)
        {
            throw new InvalidOperationException($"The replica has {replica.Count} parameters but the primary has {primary.Count}.");
        }

        for (var i = 0; i < primary.Count; i++)
        {
            if (primary[i].Key != replica[i].Key)
            {
                throw new InvalidOperationException($"Replica parameter '{replica[i].Key}' does not match primary parameter '{primary[i].Key}'.");
            }

            replica[i].Value.ShareValuesWith(primary[i].Value);
        }
    }
}
