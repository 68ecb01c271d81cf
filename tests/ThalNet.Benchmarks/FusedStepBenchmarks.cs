using BenchmarkDotNet.Attributes;
using ThalNet.Runtime;
using ThalNet.Runtime.Nn;

namespace ThalNet.Benchmarks;

/// <summary>
/// The fused step against the unfused one in one run: a whole training batch of the sequential-MNIST ThalNet
/// (forward, backward, RMSprop; one worker, batch 50, 28 steps) and the static reads of one sub-step alone
/// (4 weight-norm readers, center 128, context 32, forward and backward), each with all readers in one operation
/// (the baseline is one product per reader).
/// Run: dotnet run -c Release --project tests/ThalNet.Benchmarks -- bdn --filter *FusedStep*
/// </summary>
[MemoryDiagnoser]
public class FusedStepBenchmarks
{
    private TrainStepRig _rig = null!;
    private readonly Tape _tape = new();
    private StaticReadGroup _group = null!;
    private Tensor _center = null!;

    [Params(false, true)]
    public bool FusedReads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rig = new TrainStepRig(TrainStepWorkload.SequentialMnist, seed: 1, threads: 1, FusedReads);
        var random = new RandomSource(3);
        var readers = new StaticReader[4];
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i] = new WeightNormReader(128, 32, random);
        }

        _group = new StaticReadGroup(readers);
        _center = new Tensor(Shape.Of(TrainStepWorkload.SequentialMnist.Batch, 128), requiresGrad: true);
        for (var i = 0; i < _center.Length; i++)
        {
            _center.Data[i] = random.NextUniform(-1f, 1f);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _rig.Dispose();

    [Benchmark]
    public float TrainBatch()
    {
        _rig.TrainBatch();
        return _rig.Loss;
    }

    [Benchmark]
    public float StaticReads()
    {
        _tape.FuseStaticReads = FusedReads;
        _tape.Reset();
        var reads = _group.Read(_tape, _center, [null, null, null, null]);
        var loss = _tape.Sum(_tape.Concat(1, reads[0], reads[1], reads[2], reads[3]));
        _tape.Backward(loss);
        return loss.Item();
    }
}
