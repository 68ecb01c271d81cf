using System.Diagnostics;
using System.Globalization;
using ThalNet.Runtime;
using ThalNet.Runtime.Optim;

namespace ThalNet.Benchmarks;

/// <summary>
/// Trains the sequential-MNIST ThalNet on random data (28 steps of 28 inputs, batch 50, RMSprop lr 1e-3) and prints
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
        var model = new MnistThalNet(Inputs, Classes, random);
        var optimizer = new RmsProp(model.NamedParameters(), learningRate: 1e-3f);
        var tape = new Tape();
        var sequence = new Tensor(Shape.Of(Steps, Batch, Inputs));
        var targets = new int[Batch];
        var times = new double[options.Batches];
        var loss = 0f;
        long allocated = 0;
        for (var b = -options.Warmup; b < options.Batches; b++)
        {
            FillRandomBatch(random, sequence, targets);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            tape.Reset();
            optimizer.ZeroGrad();
            var lossTensor = tape.CrossEntropy(model.Forward(tape, sequence), targets);
            tape.Backward(lossTensor);
            optimizer.Step();
            loss = lossTensor.Item();
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
        output.WriteLine(FormattableString.Invariant($"ms_per_batch={median:F3}"));
        output.WriteLine($"alloc_bytes_per_batch={allocated / Math.Max(options.Batches, 1)}");
        output.WriteLine(FormattableString.Invariant($"loss_after={loss:F6}"));
    }

    private static void FillRandomBatch(RandomSource random, Tensor sequence, int[] targets)
    {
        var data = sequence.Data;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextFloat();
        }

        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = random.NextInt(Classes);
        }
    }
}
