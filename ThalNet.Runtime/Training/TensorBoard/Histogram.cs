namespace ThalNet.Runtime.Training;

/// <summary>
/// A histogram as TensorBoard stores it: the values' count, extremes, sum and sum of squares, and
/// <see cref="Buckets"/> counts of values up to each of <see cref="BucketLimits"/> (equal widths from min to max).
/// </summary>
internal sealed record Histogram(double Min, double Max, double Count, double Sum, double SumOfSquares, double[] BucketLimits, double[] Buckets)
{
    /// <summary>The histogram of <paramref name="values"/> in <paramref name="bucketCount"/> equal buckets.</summary>
    public static Histogram Of(ReadOnlySpan<float> values, int bucketCount = 30)
    {
        if (values.IsEmpty)
        {
            return new Histogram(0, 0, 0, 0, 0, [0], [0]);
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0, squares = 0;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
            squares += (double)v * v;
        }

        var width = (max - min) / bucketCount;
        if (!(width > 0) || !double.IsFinite(width))
        {
            return new Histogram(min, max, values.Length, sum, squares, [max], [values.Length]);
        }

        var limits = new double[bucketCount];
        for (var b = 0; b < bucketCount; b++)
        {
            limits[b] = b == bucketCount - 1 ? max : min + ((b + 1) * width);
        }

        var buckets = new double[bucketCount];
        foreach (var v in values)
        {
            buckets[double.IsFinite(v) ? Math.Clamp((int)((v - min) / width), 0, bucketCount - 1) : bucketCount - 1]++;
        }

        return new Histogram(min, max, values.Length, sum, squares, limits, buckets);
    }
}
