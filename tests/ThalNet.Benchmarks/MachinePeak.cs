using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using ThalNet.Runtime.Kernels;

namespace ThalNet.Benchmarks;

/// <summary>
/// The machine's peak single-precision rate: cores x clock x FMA width (the lanes the matrix kernel uses) x 2 FMA
/// units per core x 2 operations per FMA. The clock is the mean <c>cpu MHz</c> of /proc/cpuinfo (the nominal clock on
/// virtual machines); where that file is missing it is calibrated from a chain of dependent FMAs of 4 cycles' latency.
/// </summary>
internal sealed record MachinePeak(int Cores, double ClockGhz, string ClockSource, int FmaWidth)
{
    public const int FmaUnitsPerCore = 2;

    public double Gflops => Cores * ClockGhz * FmaWidth * FmaUnitsPerCore * 2;

    public static MachinePeak Measure(int cores)
    {
        var width = Gemm.UseVector512 ? 16 : Vector256.IsHardwareAccelerated ? 8 : 1;
        var (clock, source) = ProcCpuInfoClock() is { } mhz ? (mhz / 1000, "/proc/cpuinfo") : (CalibratedClockGhz(), "fma-latency-calibration");
        return new MachinePeak(cores, clock, source, width);
    }

    private static double? ProcCpuInfoClock()
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
        return values.Count == 0 ? null : values.Average();
    }

    /// <summary>Times 4 dependent FMA chains; each step waits 4 cycles for the previous result, so cycles = 4 x steps.</summary>
    private static double CalibratedClockGhz()
    {
        const int steps = 50_000_000;
        var best = double.MaxValue;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var x = 1.0000001f;
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < steps; i++)
            {
                x = MathF.FusedMultiplyAdd(x, 0.9999999f, 1e-7f);
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds + (x == 0 ? 1 : 0));
        }

        return 4.0 * steps / best / 1e9;
    }
}
