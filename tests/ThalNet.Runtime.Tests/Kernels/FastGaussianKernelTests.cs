using ThalNet.Runtime.Kernels;
using ThalNet.Runtime.Tests.Gradients;

namespace ThalNet.Runtime.Tests.Kernels;

/// <summary>
/// The fast Gaussian reader's kernels at 16, 8 and 1 lanes against the softmax over every center position, its weighted
/// sum and their gradients in double: the skipped positions and the single-precision exponential stay within float32
/// rounding, and every window covers the positions that can matter.
/// </summary>
public sealed unsafe class FastGaussianKernelTests
{
    [Theory]
    [InlineData(3, 148, 32, 0.5f, 3f, 8)]
    [InlineData(3, 148, 32, 0.5f, 3f, 16)]
    [InlineData(2, 37, 13, 0.5f, 1f, 8)]
    [InlineData(2, 37, 13, 0.5f, 1f, 16)]
    [InlineData(2, 300, 9, 0.5f, 40f, 8)]
    [InlineData(2, 300, 9, 0.5f, 40f, 16)]
    [InlineData(1, 5, 3, 0.5f, 2f, 8)]
    [InlineData(1, 21, 3, 4f, 9f, 16)]
    [InlineData(2, 37, 13, 0.5f, 6f, 1)]
    public void Gaussian_window_matches_every_position_in_double(int batch, int centerSize, int contextSize, float minSigma, float maxSigma, int lanes)
    {
        var random = new RandomSource((ulong)(centerSize + contextSize));
        var mu = Fill(random, batch * contextSize, 0f, centerSize - 1);
        var sigma = Fill(random, batch * contextSize, minSigma, maxSigma);
        var center = Fill(random, batch * centerSize, -1f, 1f);
        var context = new float[batch * contextSize];
        var inverseSums = new float[batch * contextSize];
        var windows = new float[GaussianWindows.FloatsPer * batch * contextSize];
        FastGaussianKernels.Forward(batch, centerSize, contextSize, mu, sigma, center, windows, inverseSums, context, lanes);
        var full = new float[batch * centerSize * contextSize];
        FastGaussianKernels.WeightsCenterMajor(batch, centerSize, contextSize, windows, inverseSums, mu, full);

        for (var b = 0; b < batch; b++)
        {
            for (var k = 0; k < contextSize; k++)
            {
                var i = (b * contextSize) + k;
                var logits = Enumerable.Range(0, centerSize).Select(c => -0.5 * Math.Pow((c - (double)mu[i]) / sigma[i], 2)).ToArray();
                var weights = DoubleSoftmax.Of(logits);
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
    [InlineData(3, 148, 32, -1.5f, 2f, 8)]
    [InlineData(3, 148, 32, -1.5f, 2f, 16)]
    [InlineData(2, 300, 9, -4f, 1f, 8)]
    [InlineData(2, 300, 9, -4f, 1f, 16)]
    [InlineData(2, 21, 5, 3f, 8f, 8)]
    [InlineData(2, 21, 5, 3f, 8f, 16)]
    [InlineData(1, 6, 3, -1f, 22f, 16)]
    [InlineData(2, 21, 5, -1f, 8f, 1)]
    public void Gaussian_backward_matches_the_double_precision_gradient(int batch, int centerSize, int contextSize, float minScale, float maxScale, int lanes)
    {
        var random = new RandomSource((ulong)(centerSize * 31 + contextSize));
        var n = batch * contextSize;
        var meanLogits = Fill(random, n, -3f, 3f);
        var scaleLogits = Fill(random, n, minScale, maxScale);
        var (mu, sigma) = (meanLogits.ToArray(), scaleLogits.ToArray());
        FastGaussianKernels.Parameters(centerSize, mu, sigma);
        var center = Fill(random, batch * centerSize, -1f, 1f);
        var dContext = Fill(random, n, -1f, 1f);
        var (context, inverseSums, windows) = (new float[n], new float[n], new float[GaussianWindows.FloatsPer * n]);
        FastGaussianKernels.Forward(batch, centerSize, contextSize, mu, sigma, center, windows, inverseSums, context, lanes);
        var (dCenter, dMean, dScale) = (new float[batch * centerSize], new float[n], new float[n]);
        FastGaussianKernels.Backward(batch, centerSize, contextSize, windows, inverseSums, mu, sigma, scaleLogits, center, context, dContext, dCenter, dMean, dScale, lanes);

        var expectedCenter = new double[batch * centerSize];
        for (var b = 0; b < batch; b++)
        {
            for (var k = 0; k < contextSize; k++)
            {
                var i = (b * contextSize) + k;
                var (m, s) = ((double)mu[i], (double)sigma[i]);
                var weights = DoubleSoftmax.Of([.. Enumerable.Range(0, centerSize).Select(c => -0.5 * Math.Pow((c - m) / s, 2))]);
                var ctx = Enumerable.Range(0, centerSize).Sum(c => weights[c] * center[(b * centerSize) + c]);
                var (dMu, dSigma) = (0.0, 0.0);
                for (var c = 0; c < centerSize; c++)
                {
                    expectedCenter[(b * centerSize) + c] += weights[c] * dContext[i];
                    var g = weights[c] * dContext[i] * (center[(b * centerSize) + c] - ctx);
                    dMu += g * (c - m) / (s * s);
                    dSigma += g * (c - m) * (c - m) / (s * s * s);
                }

                var unit = m / (centerSize - 1);
                var expectedMean = dMu * (centerSize - 1) * unit * (1 - unit);
                var expectedScale = dSigma * (scaleLogits[i] > 20f ? 1.0 : 1 / (1 + Math.Exp(-scaleLogits[i])));
                AssertClose(expectedMean, dMean[i], $"d mean logit [{b}, {k}]");
                AssertClose(expectedScale, dScale[i], $"d scale logit [{b}, {k}]");
            }
        }

        for (var j = 0; j < expectedCenter.Length; j++)
        {
            AssertClose(expectedCenter[j], dCenter[j], $"d center [{j / centerSize}, {j % centerSize}]");
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
        int start, count, whole;
        fixed (float* layout = windows)
        {
            var fields = new GaussianWindows.Fields(layout, 1);
            (start, count, whole) = (fields.Starts[0], fields.Counts[0], fields.Wholes[0]);
        }

        Assert.True(whole % lanes == 0 && whole <= count && count - whole < lanes, $"whole {whole} of {count}");
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

    private static void AssertClose(double expected, float actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-6 + (1e-4 * Math.Abs(expected)), $"{what} = {actual}, expected {expected}");

    private static float[] Fill(RandomSource random, int count, float low, float high) =>
        RandomTensors.Uniform(random, Shape.Of(count), low, high).Data.ToArray();
}
