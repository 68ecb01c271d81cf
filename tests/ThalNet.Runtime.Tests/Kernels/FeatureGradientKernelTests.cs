using ThalNet.Runtime.Kernels;
using ThalNet.Runtime.Tests.Gradients;

namespace ThalNet.Runtime.Tests.Kernels;

/// <summary>
/// The fast softmax reader's d features += d logits @ w^T at every vector width against the sums in double, for row
/// and feature counts that leave partial tiles of 3 and lengths that leave partial vectors.
/// </summary>
public sealed class FeatureGradientKernelTests
{
    [Theory]
    [InlineData(50, 1152, 9, 16)]
    [InlineData(50, 1152, 9, 8)]
    [InlineData(4, 37, 16, 16)]
    [InlineData(5, 27, 4, 8)]
    [InlineData(1, 5, 1, 1)]
    [InlineData(2, 19, 2, 16)]
    public void Matches_double(int rows, int length, int features, int lanes)
    {
        var random = new RandomSource((ulong)((rows * length) + features + lanes));
        var g = RandomTensors.Uniform(random, Shape.Of(rows, length)).Data.ToArray();
        var w = RandomTensors.Uniform(random, Shape.Of(features, length)).Data.ToArray();
        var dx = RandomTensors.Uniform(random, Shape.Of(rows, features)).Data.ToArray();
        var before = dx.ToArray();

        FeatureGradientKernels.AddProductTransposed(rows, length, features, g, w, dx, lanes);

        for (var r = 0; r < rows; r++)
        {
            for (var p = 0; p < features; p++)
            {
                var expected = before[(r * features) + p] + Enumerable.Range(0, length).Sum(i => (double)g[(r * length) + i] * w[(p * length) + i]);
                var actual = dx[(r * features) + p];
                Assert.True(Math.Abs(actual - expected) <= 2e-6 * Math.Sqrt(length), $"dx[{r}, {p}] = {actual}, expected {expected}");
            }
        }
    }
}
