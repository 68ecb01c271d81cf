using System.Diagnostics;
using ThalNet.Examples.SequentialMnist;
using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Optim;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Benchmarks;

/// <summary>
/// Trains the sequential-MNIST ThalNet (the model generated from examples/SequentialMnist's spec) on random data (28 steps of 28 inputs, batch 50, RMSprop lr 1e-3) and prints
/// parameters, median milliseconds per batch, managed bytes allocated per batch in steady state and the final loss.
/// </summary>
internal static class TrainStepBenchmark
{
    public const int Steps = 28;
    public const int Inputs = 28;
    public const int Batch = 50;
    public const int Classes = 10;

    public static void Run(TrainStepOptions options, TextWriter output)
    {
        var random = new RandomSource(options.Seed);
        var model = new SequentialMnistNet(random);
        var replicaSeed = new RandomSource(options.Seed + 1);
        using var parallel = new DataParallel<SequentialMnistNet>(model, () => new SequentialMnistNet(replicaSeed), options.Threads);
        var optimizer = new RmsProp(model.NamedParameters(), learningRate: 1e-3f);
        var sequence = new float[Steps * Batch * Inputs];
        var targets = new int[Batch];
        var shards = new SequenceBatch[parallel.Workers];
        var results = new LossResult[parallel.Workers];
        for (var w = 0; w < parallel.Workers; w++)
        {
            var (_, count) = parallel.Share(w, Batch);
            shards[w] = new SequenceBatch(model.Info, Steps, count);
            results[w] = new LossResult(model.Info.Outputs.Count);
        }

        Func<int, Tape, SequentialMnistNet, Tensor> pass = (w, tape, replica) =>
            replica.ComputeLoss(tape, shards[w], null, (float)shards[w].Batch / Batch, results[w]).Total;

        var times = new double[options.Batches];
        var loss = 0f;
        long allocated = 0;
        for (var b = -options.Warmup; b < options.Batches; b++)
        {
            FillRandomBatch(random, sequence, targets);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            Scatter(parallel, sequence, targets, shards);
            loss = parallel.ForwardBackward(pass);
            optimizer.Step();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var after = GC.GetAllocatedBytesForCurrentThread();
            if (b >= 0)
            {
                times[b] = elapsed;
                allocated += after - before;
            }
        }

        Array.Sort(times);
        var median = times[times.Length / 2];
        output.WriteLine($"params={model.ParameterCount()}");
        output.WriteLine($"threads={parallel.Workers}");
        output.WriteLine(FormattableString.Invariant($"ms_per_batch={median:F3}"));
        output.WriteLine($"alloc_bytes_per_batch={allocated / Math.Max(options.Batches, 1)}");
        output.WriteLine(FormattableString.Invariant($"loss_after={loss:F6}"));
    }

    /// <summary>Copies each worker's rows of the time-major batch [T, B, I] into its own [T, b, I] tensor.</summary>
    private static void Scatter(DataParallel<SequentialMnistNet> parallel, float[] sequence, int[] targets, SequenceBatch[] shards)
    {
        for (var w = 0; w < shards.Length; w++)
        {
            var (start, count) = parallel.Share(w, Batch);
            var data = shards[w].Dense[0]!.Data;
            for (var t = 0; t < Steps; t++)
            {
                sequence.AsSpan(((t * Batch) + start) * Inputs, count * Inputs).CopyTo(data.Slice(t * count * Inputs, count * Inputs));
            }

            targets.AsSpan(start, count).CopyTo(shards[w].Targets[0]);
        }
    }

    private static void FillRandomBatch(RandomSource random, float[] sequence, int[] targets)
    {
        for (var i = 0; i < sequence.Length; i++)
        {
            sequence[i] = random.NextFloat();
        }

        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = random.NextInt(Classes);
        }
    }
}
