using System.Diagnostics;
using ThalNet.Examples.SequentialMnist;
using ThalNet.Runtime;
using ThalNet.Runtime.Kernels;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Optim;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Benchmarks;

/// <summary>
/// One training setup of the train-step benchmark: the sequential-MNIST ThalNet, its data-parallel workers, RMSprop
/// (lr 1e-3) and a stream of random batches (28 steps of 28 inputs, batch 50), all from one seed. Two rigs with
/// the same seed train the same model on the same data, each on its own tapes, so their batches can alternate.
/// </summary>
internal sealed class TrainStepRig : IDisposable
{
    public const int Steps = 28;
    public const int Inputs = 28;
    public const int Batch = 50;
    public const int Classes = 10;

    private readonly RandomSource _random;
    private readonly DataParallel<SequentialMnistNet> _parallel;
    private readonly RmsProp _optimizer;
    private readonly float[] _sequence = new float[Steps * Batch * Inputs];
    private readonly int[] _targets = new int[Batch];
    private readonly SequenceBatch[] _shards;
    private readonly Func<int, Tape, SequentialMnistNet, Tensor> _pass;

    public TrainStepRig(ulong seed, int threads, bool fusedReads = true, bool deferredWeightGradients = false, GemmRowBlocking rowBlocking = GemmRowBlocking.Balanced, bool? vector512 = null)
    {
        Vector512 = vector512 ?? Gemm.UseVector512;
        FusedReads = fusedReads;
        DeferredWeightGradients = deferredWeightGradients;
        RowBlocking = rowBlocking;
        _random = new RandomSource(seed);
        Model = new SequentialMnistNet(_random);
        var replicaSeed = new RandomSource(seed + 1);
        _parallel = new DataParallel<SequentialMnistNet>(Model, () => new SequentialMnistNet(replicaSeed), threads);
        _optimizer = new RmsProp(Model.NamedParameters(), learningRate: 1e-3f);
        for (var w = 0; w < _parallel.Workers; w++)
        {
            _parallel.TapeOf(w).FuseStaticReads = fusedReads;
            _parallel.TapeOf(w).DeferWeightGradients = deferredWeightGradients;
        }

        _shards = new SequenceBatch[_parallel.Workers];
        var results = new LossResult[_parallel.Workers];
        for (var w = 0; w < _parallel.Workers; w++)
        {
            var (_, count) = _parallel.Share(w, Batch);
            _shards[w] = new SequenceBatch(Model.Info, Steps, count);
            results[w] = new LossResult(Model.Info.Outputs.Count);
        }

        _pass = (w, tape, replica) => replica.ComputeLoss(tape, _shards[w], null, (float)_shards[w].Batch / Batch, results[w]).Total;
    }

    public SequentialMnistNet Model { get; }

    public bool FusedReads { get; }

    public bool DeferredWeightGradients { get; }

    /// <summary>The product kernel's row blocking, set for this rig's batches (the kernel's setting is process-wide).</summary>
    public GemmRowBlocking RowBlocking { get; }

    /// <summary>Whether the product kernel uses 16-wide vectors for this rig's batches.</summary>
    public bool Vector512 { get; }

    public int Workers => _parallel.Workers;

    public float Loss { get; private set; }

    /// <summary>Trains one batch; returns its wall time and the process's CPU time, which other programs on a busy machine disturb less.</summary>
    public (double WallMs, double CpuMs) TrainBatch()
    {
        FillRandomBatch();
        Gemm.RowBlocking = RowBlocking;
        Gemm.UseVector512 = Vector512;
        var cpu = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        Scatter();
        Loss = _parallel.ForwardBackward(_pass);
        _optimizer.Step();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
    }

    public void Dispose() => _parallel.Dispose();

    /// <summary>Copies each worker's rows of the time-major batch [T, B, I] into its own [T, b, I] tensor.</summary>
    private void Scatter()
    {
        for (var w = 0; w < _shards.Length; w++)
        {
            var (start, count) = _parallel.Share(w, Batch);
            var data = _shards[w].Dense[0]!.Data;
            for (var t = 0; t < Steps; t++)
            {
                _sequence.AsSpan(((t * Batch) + start) * Inputs, count * Inputs).CopyTo(data.Slice(t * count * Inputs, count * Inputs));
            }

            _targets.AsSpan(start, count).CopyTo(_shards[w].Targets[0]);
        }
    }

    private void FillRandomBatch()
    {
        for (var i = 0; i < _sequence.Length; i++)
        {
            _sequence[i] = _random.NextFloat();
        }

        for (var i = 0; i < _targets.Length; i++)
        {
            _targets[i] = _random.NextInt(Classes);
        }
    }
}
