using System.Globalization;

namespace ThalNet.Runtime.Analysis;

/// <summary>Round-number axis ticks (1, 2 or 5 times a power of ten) and their labels.</summary>
internal static class AxisTicks
{
    /// <summary>About <paramref name="target"/> ticks covering [min, max]; the first and last enclose the range.</summary>
    public static double[] Nice(double min, double max, int target = 5)
    {
        if (!(max > min))
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        var step = Step((max - min) / Math.Max(1, target));
        var first = Math.Floor(min / step) * step;
        var last = Math.Ceiling(max / step) * step;
        var count = (int)Math.Round((last - first) / step) + 1;
        return Enumerable.Range(0, count).Select(i => Clean(first + (i * step), step)).ToArray();
    }

    /// <summary>Labels with just enough decimals for the tick spacing.</summary>
    public static string Label(double value, double step)
    {
        var decimals = Math.Clamp((int)-Math.Floor(Math.Log10(step) + 1e-9), 0, 10);
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The round number (1, 2 or 5 times a power of ten) at or just above <paramref name="rough"/>.</summary>
    public static double Step(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    // Snaps away floating-point residue such as 0.30000000000000004 and -0.
    private static double Clean(double value, double step) => Math.Abs(value) < step * 1e-9 ? 0 : Math.Round(value / step) * step;
}
