namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>
/// GELU in the exact erf form of torch.nn.GELU(): values against x Φ(x) computed in double from erf's Maclaurin
/// series (no fixture exists), and gradients by finite differences, alone and fused into a linear layer.
/// </summary>
public class GeluTests
{
    [Fact]
    public void Values_match_the_erf_definition_in_double()
    {
        var inputs = Enumerable.Range(0, 81).Select(i => -4f + (0.1f * i)).Concat([-0.013f, 0.0007f, 0.49f, 0.51f]).ToArray();
        var tape = new Tape();

        var y = tape.Gelu(Tensor.FromSpan(inputs, Shape.Of(inputs.Length)));

        for (var i = 0; i < inputs.Length; i++)
        {
            double x = inputs[i];
            var expected = x * 0.5 * (1 + Erf(x / Math.Sqrt(2)));
            Assert.True(Math.Abs(y.Data[i] - expected) <= 2e-7 + (1e-6 * Math.Abs(expected)), $"gelu({x}) = {y.Data[i]}, expected {expected}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Activate_gradient(int seed)
    {
        var x = RandomTensors.Uniform(new RandomSource((ulong)seed), Shape.Of(3, 7), -4f, 4f);
        GradientChecker.Check(t => t.Activate(x, Activation.Gelu), [("x", x)]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Fused_into_linear(int seed)
    {
        var random = new RandomSource((ulong)seed);
        var x = RandomTensors.Uniform(random, Shape.Of(3, 5));
        var weight = RandomTensors.Uniform(random, Shape.Of(4, 5));
        var bias = RandomTensors.Uniform(random, Shape.Of(4));
        GradientChecker.Check(t => t.Linear(x, weight, bias, Activation.Gelu), [("x", x), ("weight", weight), ("bias", bias)]);
    }

    /// <summary>erf by its Maclaurin series, exact to double rounding for |x| ≤ 3 (the largest term stays below 200).</summary>
    private static double Erf(double x)
    {
        double sum = 0, term = x;
        for (var n = 0; n < 200; n++)
        {
            sum += term / ((2 * n) + 1);
            term *= -x * x / (n + 1);
        }

        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
