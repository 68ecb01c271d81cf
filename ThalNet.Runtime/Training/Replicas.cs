using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Runtime.Training;

/// <summary>
/// The model's data-parallel replicas: training passes go through <see cref="DataParallel{TModel}"/>; evaluation
/// passes run forward only, without gradients, on the same replicas and tapes.
/// </summary>
internal sealed class Replicas : IDisposable
{
    private readonly DataParallel<ThalNetModel> _parallel;
    private readonly WorkerPool _forward;
    private Action<int, Tape, ThalNetModel>? _pass;

    public Replicas(ThalNetModel primary, Func<ThalNetModel> createReplica, int workers)
    {
        _parallel = new DataParallel<ThalNetModel>(primary, createReplica, workers);
        _forward = new WorkerPool(workers, RunForward);
    }

    public int Workers => _parallel.Workers;

    public ThalNetModel this[int worker] => _parallel.Replicas[worker];

    public Tape TapeOf(int worker) => _parallel.TapeOf(worker);

    /// <summary>Rows [Start, Start + Count) of <paramref name="rows"/> that <paramref name="worker"/> takes.</summary>
    public (int Start, int Count) Share(int worker, int rows) => _parallel.Share(worker, rows);

    /// <summary>Forward and backward on every worker; gradients end up in the primary. Returns the batch loss.</summary>
    public float ForwardBackward(Func<int, Tape, ThalNetModel, Tensor> pass) => _parallel.ForwardBackward(pass);

    /// <summary>Runs <paramref name="pass"/> on every worker in evaluation mode, recording nothing. Results live until the next pass.</summary>
    public void Forward(Action<int, Tape, ThalNetModel> pass)
    {
        SetTraining(false);
        _pass = pass;
        try
        {
            _forward.Run();
        }
        finally
        {
            _pass = null;
            SetTraining(true);
        }
    }

    public void Dispose()
    {
        _forward.Dispose();
        _parallel.Dispose();
    }

    private void SetTraining(bool training)
    {
        foreach (var replica in _parallel.Replicas)
        {
            replica.Train(training);
        }
    }

    private void RunForward(int worker)
    {
        var tape = _parallel.TapeOf(worker);
        tape.Reset();
        using (tape.NoGrad())
        {
            _pass!(worker, tape, _parallel.Replicas[worker]);
        }
    }
}
