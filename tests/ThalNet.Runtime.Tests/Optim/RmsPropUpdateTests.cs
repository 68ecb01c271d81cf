using ThalNet.Runtime.Nn;
using ThalNet.Runtime.Optim;

namespace ThalNet.Runtime.Tests.Optim;

/// <summary>The vectorised update (and its scalar tail) against PyTorch's rule evaluated in double, with weight decay.</summary>
public sealed class RmsPropUpdateTests
{
    [Theory]
    [InlineData(37, 0f)]
    [InlineData(64, 0.01f)]
    public void Every_element_follows_the_rule(int length, float weightDecay)
    {
        var random = new RandomSource(11);
        var p = new Parameter(length);
        var expected = new double[length];
        var square = new double[length];
        for (var i = 0; i < length; i++)
        {
            p.Data[i] = random.NextUniform(-1f, 1f);
            expected[i] = p.Data[i];
        }

        var optimizer = new RmsProp([new("p", p)], learningRate: 1e-2f, alpha: 0.9f, eps: 1e-8f, weightDecay: weightDecay);
        for (var step = 0; step < 3; step++)
        {
            for (var i = 0; i < length; i++)
            {
                p.Grad[i] = random.NextUniform(-1f, 1f);
                var g = p.Grad[i] + (weightDecay * expected[i]);
                square[i] = (0.9 * square[i]) + (0.1 * g * g);
                expected[i] -= 1e-2 * g / (Math.Sqrt(square[i]) + 1e-8);
            }

            optimizer.Step();
            for (var i = 0; i < length; i++)
            {
                Assert.True(Math.Abs(expected[i] - p.Data[i]) < 1e-5, $"step {step + 1}, element {i}: {p.Data[i]} vs {expected[i]}");
            }
        }
    }
}
