using System.Diagnostics;
using ThalNet.Examples.SequentialMnist;
using ThalNet.TorchSharp;
using TorchSharp;

namespace ThalNet.Benchmarks;

/// <summary>
/// The train-step benchmark on TorchSharp: the same generated model (as <c>SequentialMnistNetTorch</c>), data shape (<see cref="TrainStepWorkload.SequentialMnist"/>),
/// optimizer and output lines as <see cref="TrainStepBenchmark"/>, one dispose scope per batch, written as the loop of docs/torchsharp.md
/// (a typed <c>Batch</c> refilled in place). <c>--compare libtorch-default-threads</c> alternates batches between
/// <c>--threads</c> and the thread count libtorch starts with, in this one process, and prints both medians.
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
        var libtorchDefault = torch.get_num_threads();
        var compare = options.Compare == "libtorch-default-threads";
        TorchThreads.Set(options.Threads);
        torch.manual_seed((long)options.Seed);
        using var model = new SequentialMnistNetTorch();
        using var optimizer = torch.optim.RMSProp(model.parameters(), lr: 1e-3);
        var generator = new torch.Generator(options.Seed + 1);
        using var data = new SequentialMnistNetTorch.Batch(steps, batch);
        var times = new double[options.Batches];
        var otherTimes = new List<double>();
        var loss = 0f;
        long allocated = 0;
        for (var b = -options.Warmup; b < options.Batches; b++)
        {
            using var scope = torch.NewDisposeScope();
            var sequence = torch.rand([steps, batch, SequentialMnistNet.Layout.Info.Inputs[0].Width], generator: generator);
            var targets = torch.randint(SequentialMnistNet.Layout.Info.Outputs[0].Size, [batch], generator: generator);
            var other = compare && b % 2 != 0;
            torch.set_num_threads(other ? libtorchDefault : options.Threads);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            data.Inputs.Pixels.copy_(sequence);
            data.Targets.Digit.copy_(targets);
            optimizer.zero_grad();
            var total = model.ComputeLoss(data).Total;
            total.backward();
            optimizer.step();
            loss = total.item<float>();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var after = GC.GetAllocatedBytesForCurrentThread();
            if (b >= 0 && other)
            {
                otherTimes.Add(elapsed);
            }
            else if (b >= 0)
            {
                times[b] = elapsed;
                allocated += after - before;
            }
        }

        var own = times.Where((_, b) => !compare || b % 2 == 0).Order().ToArray();
        output.WriteLine($"params={model.parameters().Sum(p => p.numel())}");
        output.WriteLine($"threads={options.Threads}");
        output.WriteLine(FormattableString.Invariant($"ms_per_batch={own[own.Length / 2]:F3}"));
        if (compare && otherTimes.Count > 0)
        {
            otherTimes.Sort();
            var median = otherTimes[otherTimes.Count / 2];
            output.WriteLine($"libtorch_default_threads={libtorchDefault}");
            output.WriteLine(FormattableString.Invariant($"ms_per_batch_libtorch_default={median:F3}"));
            output.WriteLine(FormattableString.Invariant($"ratio_default_to_chosen={median / own[own.Length / 2]:F2}"));
        }

        output.WriteLine($"alloc_bytes_per_batch={allocated / Math.Max(options.Batches, 1)}");
        output.WriteLine(FormattableString.Invariant($"loss_after={loss:F6}"));
    }
}
