using System.Globalization;
using System.Runtime.Intrinsics.X86;
using ThalNet.Runtime.Kernels;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Benchmarks;

/// <summary>
/// Trains a workload's model (by default the sequential-MNIST ThalNet generated from examples/SequentialMnist's spec;
/// <c>--model char-lm</c> the byte-level language model) on random data and prints parameters, samples per second, median milliseconds per batch (wall and process CPU time), managed bytes allocated per batch in
/// steady state, the final loss, and the rate of the matrix products (counted FLOPs of one batch over the median
/// time) against the machine's peak. With <c>--compare unfused-reads</c> (one product per reader) or
/// <c>deferred-weight-grads</c> or <c>per-step-weight-grads</c> (every parameter gradient formed once per pass, or at
/// every step, instead of deferring those of products with few rows) or <c>four-row-gemm</c> (the product kernel's
/// simple row blocking: blocks of four, then single rows) or <c>gru-baseline</c> (the GruBaseline
/// example's model for the same task, its samples per second beside the ThalNet's) or <c>dense-one-hot</c> (token inputs multiplied as one-hot columns instead of gathering the weight's rows) or <c>other-vector-width</c> (8-wide instead of 16-wide
/// vectors in the product kernel, or the reverse where the runtime does not prefer 16-wide ones) a second rig trains in alternation
/// (A B A B in one run, the same seed and data) and both medians and their ratio are printed.
/// </summary>
internal static class TrainStepBenchmark
{
    public static void Run(TrainStepOptions options, TextWriter output)
    {
        var workload = options.Workload;
        using var fused = new TrainStepRig(workload, options.Seed, options.Threads, plan: options.Plan);
        using var unfused = options.Compare switch
        {
            "unfused-reads" => new TrainStepRig(workload, options.Seed, options.Threads, fusedReads: false, plan: fused.Plan),
            "deferred-weight-grads" => new TrainStepRig(workload, options.Seed, options.Threads, deferredWeightGradients: true, plan: fused.Plan),
            "per-step-weight-grads" => new TrainStepRig(workload, options.Seed, options.Threads, deferredWeightGradients: false, plan: fused.Plan),
            "four-row-gemm" => new TrainStepRig(workload, options.Seed, options.Threads, rowBlocking: GemmRowBlocking.FourRowsThenSingles, plan: fused.Plan),
            "other-vector-width" => new TrainStepRig(workload, options.Seed, options.Threads, vector512: !Gemm.UseVector512 && Avx512F.IsSupported, plan: fused.Plan),
            "dense-one-hot" => new TrainStepRig(workload, options.Seed, options.Threads, plan: fused.Plan, gatherOneHotRows: false),
            "gru-baseline" => new TrainStepRig(workload.Baseline, options.Seed, options.Threads),
            "other-parallel-plan" => new TrainStepRig(workload, options.Seed, options.Threads, plan: fused.Plan == ParallelPlan.Data ? ParallelPlan.Modules : ParallelPlan.Data),
            _ => null,
        };
        var wall = new double[options.Batches];
        var cpu = new double[options.Batches];
        var unfusedWall = new double[options.Batches];
        var unfusedCpu = new double[options.Batches];
        long allocated = 0;
        for (var b = -options.Warmup; b < options.Batches; b++)
        {
            // The rigs take turns going first, so neither always runs on caches the other left cold.
            var otherFirst = unfused is not null && (b & 1) == 1 ? unfused.TrainBatch() : default;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var times = fused.TrainBatch();
            var after = GC.GetAllocatedBytesForCurrentThread();
            var other = unfused is not null && (b & 1) == 0 ? unfused.TrainBatch() : otherFirst;
            if (b >= 0)
            {
                (wall[b], cpu[b]) = times;
                (unfusedWall[b], unfusedCpu[b]) = other;
                allocated += after - before;
            }
        }

        var median = Median(wall);
        var flops = CountFlopsOfOneBatch(fused);
        unfused?.TrainBatch(); // so both rigs have trained as many batches when their losses are printed
        var peak = MachinePeak.Measure(fused.Workers);
        var gflops = flops / (median / 1000) / 1e9;
        output.WriteLine($"model={workload.Name} params={fused.Model.ParameterCount()}");
        output.WriteLine($"threads={fused.Workers} parallel={fused.Plan.ToString().ToLowerInvariant()}");
        output.WriteLine(Invariant($"ms_per_batch={median:F3}"));
        output.WriteLine(Invariant($"cpu_ms_per_batch={Median(cpu):F3}"));
        output.WriteLine(Invariant($"samples_per_second={fused.SamplesPerBatch / (median / 1000):F0}"));
        output.WriteLine($"alloc_bytes_per_batch={allocated / Math.Max(options.Batches, 1)}");
        output.WriteLine(Invariant($"loss_after={fused.Loss:F6}"));
        output.WriteLine(Invariant($"mflop_per_batch={flops / 1e6:F1}"));
        output.WriteLine(Invariant($"gflops={gflops:F2}"));
        output.WriteLine(Invariant($"peak_gflops={peak.Gflops:F1} peak_source=measured-fma-throughput cores={peak.Cores} clock_ghz={peak.ClockGhz:F3} clock_source=fma-latency-calibration nominal_clock_ghz={peak.NominalClockGhz:F3} fma_width={peak.FmaWidth} fma_units_per_core={peak.FmaUnitsPerCore:F2}"));
        output.WriteLine(Invariant($"peak_fraction={gflops / peak.Gflops:F3}"));
        if (unfused is not null)
        {
            var name = options.Compare!.Replace('-', '_');
            output.WriteLine(Invariant($"ms_per_batch_{name}={Median(unfusedWall):F3}"));
            output.WriteLine(Invariant($"samples_per_second_{name}={unfused.SamplesPerBatch / (Median(unfusedWall) / 1000):F0}"));
            output.WriteLine(Invariant($"cpu_ms_per_batch_{name}={Median(unfusedCpu):F3}"));
            output.WriteLine(Invariant($"loss_after_{name}={unfused.Loss:F6}"));
            output.WriteLine(Invariant($"ratio_vs_{name}={median / Median(unfusedWall):F3} cpu_ratio_vs_{name}={Median(cpu) / Median(unfusedCpu):F3}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Median(double[] values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }

    /// <summary>Floating-point operations of the matrix products of one training batch (element-wise passes are not counted).</summary>
    private static long CountFlopsOfOneBatch(TrainStepRig rig)
    {
        Gemm.ResetFlopCount();
        Gemm.CountFlops = true;
        rig.TrainBatch();
        Gemm.CountFlops = false;
        return Gemm.CountedFlops;
    }
}
