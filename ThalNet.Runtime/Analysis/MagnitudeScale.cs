namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Maps weight magnitudes |w| to [0, 1] between two percentiles of the magnitudes, clamping
/// outside them, so a few large weights do not wash out the structure of the rest.
/// </summary>
public readonly record struct MagnitudeScale(double Low, double High)
{
    /// <summary>
    /// The <paramref name="lowPercentile"/>th and <paramref name="highPercentile"/>th percentiles
    /// of |<paramref name="values"/>| (linear interpolation between order statistics, as numpy's
    /// default); NaNs are ignored.
    /// </summary>
    public static MagnitudeScale FromPercentiles(ReadOnlySpan<float> values, double lowPercentile = 5, double highPercentile = 95)
    {
        if (!(0 <= lowPercentile && lowPercentile <= highPercentile && highPercentile <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(lowPercentile), $"Percentiles must satisfy 0 <= low <= high <= 100, not {lowPercentile} and {highPercentile}.");
        }

        var magnitudes = new List<double>(values.Length);
        foreach (var value in values)
        {
            if (!float.IsNaN(value))
            {
                magnitudes.Add(Math.Abs((double)value));
            }
        }

        if (magnitudes.Count == 0)
        {
            return new MagnitudeScale(0, 0);
        }

        magnitudes.Sort();
        return new MagnitudeScale(Percentile(magnitudes, lowPercentile), Percentile(magnitudes, highPercentile));
    }

    /// <summary>
    /// |<paramref name="value"/>| mapped to [0, 1], clamped. When the range is empty, magnitudes
    /// above it map to 1, below it to 0, and on it to 1 unless it is zero (an all-zero matrix stays dark).
    /// </summary>
    public double Normalize(double value)
    {
        var magnitude = Math.Abs(value);
        if (double.IsNaN(magnitude))
        {
            return double.NaN;
        }

        if (High <= Low)
        {
            return magnitude > Low || (magnitude == Low && Low > 0) ? 1 : 0;
        }

        return Math.Clamp((magnitude - Low) / (High - Low), 0, 1);
    }

    private static double Percentile(List<double> sorted, double percentile)
    {
        var rank = percentile / 100 * (sorted.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}
