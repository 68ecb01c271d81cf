using System.Diagnostics;
using ThalNet.Examples.SequentialMnist;
using TorchSharp;

namespace ThalNet.Benchmarks;

/// <summary>
/// The train-step benchmark on TorchSharp: the same generated model (as <c>SequentialMnistNetTorch</c>), data shape (<see cref="TrainStepWorkload.SequentialMnist"/>),
/// optimizer and output lines as <see cref="TrainStepBenchmark"/>, one dispose scope per batch.
/// </summary>
internal static class TorchTrainStepBenchmark
{
    public static void Run(TrainStepOptions options, TextWriter output)
    {
        if (options.Workload != TrainStepWorkload.SequentialMnist)
        {
            throw new ArgumentException($"train-step --backend torchsharp runs the sequential-mnist model only, not '{options.Workload.Name}'.");
        }

        var (steps, batch) = (options.Workload.Steps, options.Workload.Batch);
        torch.set_num_threads(options.Threads);
        torch.manual_seed((long)options.Seed);
        using var model = new SequentialMnistNetTorch();
        using var optimizer = torch.optim.RMSProp(model.parameters(), lr: 1e-3);
        var generator = new torch.Generator(options.Seed + 1);
        var times = new double[options.Batches];
        var loss = 0f;
        long allocated = 0;
        for (var b = -options.Warmup; b < options.Batches; b++)
        {
            using var scope = torch.NewDisposeScope();
            var sequence = torch.rand([steps, batch, SequentialMnistNet.Layout.Info.Inputs[0].Width], generator: generator);
            var targets = torch.randint(SequentialMnistNet.Layout.Info.Outputs[0].Size, [batch], generator: generator);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            optimizer.zero_grad();
            var total = model.ComputeLoss([sequence], [targets]).Total;
            total.backward();
            optimizer.step();
            loss = total.item<float>();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var after = GC.GetAllocatedBytesForCurrentThread();
            if (b >= 0)
            {
                times[b] = elapsed;
                allocated += after - before;
            }
        }

        Array.Sort(times);
        output.WriteLine($"params={model.parameters().Sum(p => p.numel())}");
        output.WriteLine($"threads={torch.get_num_threads()}");
        output.WriteLine(FormattableString.Invariant($"ms_per_batch={times[times.Length / 2]:F3}"));
        output.WriteLine($"alloc_bytes_per_batch={allocated / Math.Max(options.Batches, 1)}");
        output.WriteLine(FormattableString.Invariant($"loss_after={loss:F6}"));
    }
}
