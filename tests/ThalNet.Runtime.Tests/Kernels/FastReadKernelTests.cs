using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime.Tests.Kernels;

/// <summary>
/// The fast readers' vectorised kernels against the softmax and weighted sum over every center position in double:
/// the Gaussian's skipped positions and the single-precision exponential stay within float32 rounding.
/// </summary>
public sealed class FastReadKernelTests
{
    [Theory]
    [InlineData(3, 148, 32, 0.5f, 3f, false)]
    [InlineData(3, 148, 32, 0.5f, 3f, true)]
    [InlineData(2, 37, 13, 0.5f, 1f, false)]
    [InlineData(2, 37, 13, 0.5f, 1f, true)]
    [InlineData(2, 300, 9, 0.5f, 40f, false)]
    [InlineData(2, 300, 9, 0.5f, 40f, true)]
    [InlineData(1, 5, 3, 0.5f, 2f, false)]
    [InlineData(1, 21, 3, 4f, 9f, true)]
    public void Gaussian_window_matches_every_position_in_double(int batch, int centerSize, int contextSize, float minSigma, float maxSigma, bool wide)
    {
        var random = new RandomSource((ulong)(centerSize + contextSize));
        var mu = Fill(random, batch * contextSize, 0f, centerSize - 1);
        var sigma = Fill(random, batch * contextSize, minSigma, maxSigma);
        var center = Fill(random, batch * centerSize, -1f, 1f);
        var context = new float[batch * contextSize];
        var inverseSums = new float[batch * contextSize];
        var windows = new float[GaussianWindows.FloatsPer * batch * contextSize];
        FastGaussianKernels.Forward(batch, centerSize, contextSize, mu, sigma, center, windows, inverseSums, context, wide);
        var full = new float[batch * centerSize * contextSize];
        FastGaussianKernels.WeightsCenterMajor(batch, centerSize, contextSize, windows, inverseSums, mu, full);

        for (var b = 0; b < batch; b++)
        {
            for (var k = 0; k < contextSize; k++)
            {
                var i = (b * contextSize) + k;
                var logits = Enumerable.Range(0, centerSize).Select(c => -0.5 * Math.Pow((c - (double)mu[i]) / sigma[i], 2)).ToArray();
                var weights = Softmax(logits);
                var expected = Enumerable.Range(0, centerSize).Sum(c => weights[c] * center[(b * centerSize) + c]);
                Assert.True(Math.Abs(context[i] - expected) <= 4e-7, $"context[{b}, {k}] = {context[i]}, expected {expected}");
                for (var c = 0; c < centerSize; c++)
                {
                    var a = full[(((b * centerSize) + c) * contextSize) + k];
                    Assert.True(Math.Abs(a - weights[c]) <= 4e-7, $"a[{b}, {c}, {k}] = {a}, expected {weights[c]}");
                }
            }
        }
    }

    [Theory]
    [InlineData(148, 0f, 0.5f, 8)]
    [InlineData(148, 147f, 0.5f, 16)]
    [InlineData(148, 70.3f, 2f, 8)]
    [InlineData(148, 70.3f, 2f, 16)]
    [InlineData(5, 2f, 100f, 8)]
    [InlineData(20, 19f, 0.7f, 1)]
    public void Window_covers_every_position_above_the_bound(int centerSize, float mu, float sigma, int lanes)
    {
        var windows = new float[GaussianWindows.FloatsPer];
        GaussianWindows.Compute(centerSize, [mu], [sigma], lanes, windows);
        var (start, count) = (GaussianWindows.Start(windows, 1, 0), GaussianWindows.Count(windows, 1, 0));
        var whole = GaussianWindows.Whole(windows, 1, 0);
        Assert.True(lanes == 1 ? whole == 0 : whole % lanes == 0 && whole <= count && count - whole < lanes, $"whole {whole} of {count}");
        Assert.True(count % lanes == 0 || ((count + lanes - 1) & -lanes) > centerSize, $"count {count} not widened to {lanes} lanes");
        Assert.InRange(start, 0, centerSize - 1);
        Assert.InRange(start + count, 1, centerSize);
        var nearest = Math.Clamp(Math.Round(mu), 0, centerSize - 1);
        var max = -0.5 * Math.Pow((nearest - mu) / sigma, 2);
        for (var c = 0; c < centerSize; c++)
        {
            var ratio = Math.Exp((-0.5 * Math.Pow((c - mu) / sigma, 2)) - max);
            if (c < start || c >= start + count)
            {
                Assert.True(ratio < Math.Pow(2, -24) / centerSize, $"position {c} outside [{start}, {start + count}) has weight ratio {ratio}");
            }
        }
    }

    private static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var e = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }

    private static float[] Fill(RandomSource random, int count, float low, float high)
    {
        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = low + ((high - low) * random.NextFloat());
        }

        return values;
    }
}
