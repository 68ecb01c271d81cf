using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ThalNet.Runtime.Kernels;

namespace ThalNet.Benchmarks;

/// <summary>
/// The machine's peak single-precision rate, measured: every worker's core runs 12 independent chains of fused
/// multiply-adds of the matrix kernel's vector width at once, and the peak is the rate they reach together
/// (= cores x clock x FMA width x FMA units per core x 2). A formula with an assumed unit count and the nominal
/// clock is wrong both ways: virtual machines report the base clock in /proc/cpuinfo while the cores boost above it,
/// and AMD's Zen 4 runs a 512-bit FMA as two 256-bit halves (one 16-lane FMA per cycle, not two). The running clock
/// is calibrated from one chain of dependent FMAs (4 cycles' latency on every x86 core with AVX-512 or Zen 3 and
/// later); the FMA units per core are what the measured rate implies at that clock.
/// </summary>
internal sealed record MachinePeak(int Cores, double Gflops, double ClockGhz, double NominalClockGhz, int FmaWidth)
{
    private const int Chains = 12;

    /// <summary>FMA results per core and cycle over the vector width: 2 on cores with two full-width FMA units.</summary>
    public double FmaUnitsPerCore => Gflops / (Cores * ClockGhz * FmaWidth * 2);

    public static MachinePeak Measure(int cores)
    {
        var wide = Gemm.UseVector512;
        var width = wide ? 16 : Vector256.IsHardwareAccelerated ? 8 : 1;
        var gflops = Enumerable.Range(0, 3).Max(_ => ConcurrentFmaGflops(cores, wide, width));
        return new MachinePeak(cores, gflops, CalibratedClockGhz(), ProcCpuInfoClockGhz() ?? double.NaN, width);
    }

    private static double ConcurrentFmaGflops(int cores, bool wide, int width)
    {
        const int iterations = 20_000_000;
        using var start = new Barrier(cores);
        var seconds = new double[cores];
        var threads = Enumerable.Range(0, cores).Select(core => new Thread(() =>
        {
            start.SignalAndWait();
            var begin = Stopwatch.GetTimestamp();
            var sink = wide ? FmaChains<Fma512, Vector512<float>>(iterations) : FmaChains<Fma256, Vector256<float>>(iterations);
            seconds[core] = Stopwatch.GetElapsedTime(begin).TotalSeconds + (sink == 0 ? 1 : 0);
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        return (double)cores * iterations * Chains * width * 2 / seconds.Max() / 1e9;
    }

    /// <summary>12 independent FMA chains (enough to cover 4 cycles' latency on 2 units), each kept in a register.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float FmaChains<TOps, TVector>(int iterations)
        where TOps : struct, IFmaOps<TVector>
        where TVector : struct
    {
        var (m, c) = (TOps.Create(0.9999999f), TOps.Create(1e-7f));
        TVector a0 = TOps.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (var i = 0; i < iterations; i++)
        {
            a0 = TOps.Fma(a0, m, c); a1 = TOps.Fma(a1, m, c); a2 = TOps.Fma(a2, m, c); a3 = TOps.Fma(a3, m, c);
            a4 = TOps.Fma(a4, m, c); a5 = TOps.Fma(a5, m, c); a6 = TOps.Fma(a6, m, c); a7 = TOps.Fma(a7, m, c);
            a8 = TOps.Fma(a8, m, c); a9 = TOps.Fma(a9, m, c); a10 = TOps.Fma(a10, m, c); a11 = TOps.Fma(a11, m, c);
        }

        return TOps.First(a0) + TOps.First(a1) + TOps.First(a2) + TOps.First(a3) + TOps.First(a4) + TOps.First(a5)
            + TOps.First(a6) + TOps.First(a7) + TOps.First(a8) + TOps.First(a9) + TOps.First(a10) + TOps.First(a11);
    }

    private static double? ProcCpuInfoClockGhz()
    {
        const string path = "/proc/cpuinfo";
        if (!File.Exists(path))
        {
            return null;
        }

        var values = File.ReadLines(path)
            .Where(line => line.StartsWith("cpu MHz", StringComparison.Ordinal))
            .Select(line => double.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture))
            .ToList();
        return values.Count == 0 ? null : values.Average() / 1000;
    }

    /// <summary>Times one chain of dependent FMAs; each waits 4 cycles for the previous result, so cycles = 4 x steps.</summary>
    private static double CalibratedClockGhz()
    {
        const int steps = 50_000_000;
        var best = double.MaxValue;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var start = Stopwatch.GetTimestamp();
            var x = DependentFmaChain(steps);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds + (x == 0 ? 1 : 0));
        }

        return 4.0 * steps / best / 1e9;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float DependentFmaChain(int steps)
    {
        var x = Vector128.Create(1.0000001f);
        var m = Vector128.Create(0.9999999f);
        var c = Vector128.Create(1e-7f);
        for (var i = 0; i < steps; i++)
        {
            x = Vector128.FusedMultiplyAdd(x, m, c);
        }

        return x.ToScalar();
    }

    private interface IFmaOps<TVector>
        where TVector : struct
    {
        static abstract TVector Create(float value);

        static abstract TVector Fma(TVector a, TVector b, TVector c);

        static abstract float First(TVector value);
    }

    private struct Fma512 : IFmaOps<Vector512<float>>
    {
        public static Vector512<float> Create(float value) => Vector512.Create(value);

        public static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);

        public static float First(Vector512<float> value) => value.ToScalar();
    }

    private struct Fma256 : IFmaOps<Vector256<float>>
    {
        public static Vector256<float> Create(float value) => Vector256.Create(value);

        public static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);

        public static float First(Vector256<float> value) => value.ToScalar();
    }
}
