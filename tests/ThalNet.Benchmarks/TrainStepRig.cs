using System.Diagnostics;
using ThalNet.Runtime;
using ThalNet.Runtime.Kernels;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Optim;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Benchmarks;

/// <summary>
/// One training setup of the train-step benchmark: a workload's model, its data-parallel workers, RMSprop (lr 1e-3)
/// and a stream of random batches (random dense values or bytes, random classes), all from one seed. Two rigs with
/// the same seed train the same model on the same data, each on its own tapes, so their batches can alternate.
/// Every batch starts from the zero state (a language model's carried state does not change the cost of a step).
/// </summary>
internal sealed class TrainStepRig : IDisposable
{
    private readonly TrainStepWorkload _workload;
    private readonly RandomSource _random;
    private readonly DataParallel<SequenceModel> _parallel;
    private readonly RmsProp _optimizer;
    private readonly SequenceBatch _batch;
    private readonly SequenceBatch[] _shards;
    private readonly Func<int, Tape, SequenceModel, Tensor> _pass;

    public TrainStepRig(TrainStepWorkload workload, ulong seed, int threads, bool fusedReads = true, bool? deferredWeightGradients = null, GemmRowBlocking rowBlocking = GemmRowBlocking.Balanced, bool? vector512 = null, ParallelPlan? plan = null, bool gatherOneHotRows = true)
    {
        _workload = workload;
        Vector512 = vector512 ?? Gemm.UseVector512;
        FusedReads = fusedReads;
        DeferredWeightGradients = deferredWeightGradients;
        RowBlocking = rowBlocking;
        _random = new RandomSource(seed);
        Model = workload.Create(_random);
        var replicaSeed = new RandomSource(seed + 1);
        _parallel = new DataParallel<SequenceModel>(Model, () => workload.Create(replicaSeed), threads, plan ?? ParallelPlans.Choose(Model, threads, workload.Batch));
        _optimizer = new RmsProp(Model.NamedParameters(), learningRate: 1e-3f);
        for (var w = 0; w < _parallel.Workers; w++)
        {
            _parallel.TapeOf(w).FuseStaticReads = fusedReads;
            _parallel.TapeOf(w).GatherOneHotRows = gatherOneHotRows;
            _parallel.TapeOf(w).DeferWeightGradients = deferredWeightGradients;
        }

        _batch = new SequenceBatch(Model.Info, workload.Steps, workload.Batch);
        _shards = new SequenceBatch[_parallel.Workers];
        var results = new LossResult[_parallel.Workers];
        for (var w = 0; w < _parallel.Workers; w++)
        {
            var (_, count) = _parallel.Share(w, workload.Batch);
            _shards[w] = new SequenceBatch(Model.Info, workload.Steps, count);
            results[w] = new LossResult(Model.Info.Outputs.Count);
        }

        _pass = (w, tape, replica) => replica.ComputeLoss(tape, _shards[w], null, (float)_shards[w].Batch / workload.Batch, results[w]).Total;
    }

    public SequenceModel Model { get; }

    public bool FusedReads { get; }

    /// <summary>True defers every parameter gradient to the end of the pass, false none, null the tape's default.</summary>
    public bool? DeferredWeightGradients { get; }

    /// <summary>The product kernel's row blocking, set for this rig's batches (the kernel's setting is process-wide).</summary>
    public GemmRowBlocking RowBlocking { get; }

    /// <summary>Whether the product kernel uses 16-wide vectors for this rig's batches.</summary>
    public bool Vector512 { get; }

    public int Workers => _parallel.Workers;

    public ParallelPlan Plan => _parallel.Plan;

    /// <summary>What samples per second counts for this workload: examples, or predicted bytes.</summary>
    public int SamplesPerBatch => Model.Info.Outputs[0].EveryStep ? _workload.Steps * _workload.Batch : _workload.Batch;

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

    /// <summary>Copies each worker's rows of the time-major batch into its own shard.</summary>
    private void Scatter()
    {
        var (steps, batch) = (_workload.Steps, _workload.Batch);
        for (var w = 0; w < _shards.Length; w++)
        {
            var (start, count) = _parallel.Share(w, batch);
            var shard = _shards[w];
            for (var i = 0; i < _batch.Dense.Length; i++)
            {
                if (_batch.Dense[i] is { } dense)
                {
                    CopyRows(dense.Data, shard.Dense[i]!.Data, steps, batch, start, count, Model.Info.Inputs[i].Width);
                }
                else
                {
                    CopyRows<int>(_batch.Tokens[i], shard.Tokens[i], steps, batch, start, count, 1);
                }
            }

            for (var o = 0; o < _batch.Targets.Length; o++)
            {
                var rowsSteps = Model.Info.Outputs[o].EveryStep ? steps : 1;
                CopyRows<int>(_batch.Targets[o], shard.Targets[o], rowsSteps, batch, start, count, 1);
            }
        }
    }

    private static void CopyRows<T>(Span<T> source, Span<T> target, int steps, int batch, int start, int count, int width)
    {
        for (var t = 0; t < steps; t++)
        {
            source.Slice(((t * batch) + start) * width, count * width).CopyTo(target.Slice(t * count * width, count * width));
        }
    }

    private void FillRandomBatch()
    {
        var info = Model.Info;
        for (var i = 0; i < info.Inputs.Count; i++)
        {
            if (_batch.Dense[i] is { } dense)
            {
                var data = dense.Data;
                for (var j = 0; j < data.Length; j++)
                {
                    data[j] = _random.NextFloat();
                }
            }
            else
            {
                FillClasses(_batch.Tokens[i]!, info.Inputs[i].Width);
            }
        }

        for (var o = 0; o < info.Outputs.Count; o++)
        {
            FillClasses(_batch.Targets[o], info.Outputs[o].Size);
        }
    }

    private void FillClasses(int[] values, int classes)
    {
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = _random.NextInt(classes);
        }
    }
}
