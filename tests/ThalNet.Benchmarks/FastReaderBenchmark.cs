using System.Globalization;

namespace ThalNet.Benchmarks;

/// <summary>
/// <c>train-step --compare fast-readers</c>: the design study's FF-GRU ThalNet (budget 50,000) with weight-norm, fast
/// softmax and fast Gaussian reading, trained in turn in one process (the first rig rotates every batch, the same seed
/// and random data for each), and each fast reader's median milliseconds per batch against weight-norm's.
/// </summary>
internal static class FastReaderBenchmark
{
    public static void Run(TrainStepOptions options, TextWriter output)
    {
        var workloads = TrainStepWorkload.FastReaderComparison;
        var rigs = workloads.Select(w => new TrainStepRig(w, options.Seed, options.Threads)).ToArray();
        try
        {
            var wall = rigs.Select(_ => new double[options.Batches]).ToArray();
            var cpu = rigs.Select(_ => new double[options.Batches]).ToArray();
            for (var b = -options.Warmup; b < options.Batches; b++)
            {
                for (var turn = 0; turn < rigs.Length; turn++)
                {
                    var r = (turn + b + options.Warmup) % rigs.Length;
                    var (w, c) = rigs[r].TrainBatch();
                    if (b >= 0)
                    {
                        (wall[r][b], cpu[r][b]) = (w, c);
                    }
                }
            }

            output.WriteLine($"threads={rigs[0].Workers} batches={options.Batches}");
            for (var r = 0; r < rigs.Length; r++)
            {
                var name = workloads[r].Name;
                var line = Invariant($"model={name} params={rigs[r].Model.ParameterCount()} ms_per_batch={Median(wall[r]):F3} cpu_ms_per_batch={Median(cpu[r]):F3} loss_after={rigs[r].Loss:F6}");
                if (r > 0)
                {
                    line += Invariant($" ratio_vs_weight_norm={Median(wall[r]) / Median(wall[0]):F3} cpu_ratio_vs_weight_norm={Median(cpu[r]) / Median(cpu[0]):F3}");
                }

                output.WriteLine(line);
            }
        }
        finally
        {
            foreach (var rig in rigs)
            {
                rig.Dispose();
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Median(double[] values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }
}
