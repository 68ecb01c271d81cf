using System.Runtime.Intrinsics;
using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime.Tests.Kernels;

/// <summary>The single-precision e^x, σ and tanh of the fused GRU cell against double-precision references.</summary>
public sealed class VectorActivationTests
{
    public static TheoryData<float, float> Ranges() => new()
    {
        { -1e-3f, 1e-3f },
        { -1f, 1f },
        { -20f, 20f },
        { -87f, 88f },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Exp_is_within_two_units_in_the_last_place(float low, float high)
    {
        foreach (var x in Grid(low, high))
        {
            var expected = Math.Exp(x);
            var actual = Lane(VectorActivations.Exp(Vector256.Create(x)));
            var ulp = MathF.BitIncrement((float)expected) - (float)expected;
            Assert.True(Math.Abs(actual - expected) <= 2 * ulp, $"exp({x}) = {actual}, expected {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Sigmoid_and_tanh_are_within_float_rounding(float low, float high)
    {
        foreach (var x in Grid(low, high))
        {
            var sigmoid = 1 / (1 + Math.Exp(-x));
            var tanh = Math.Tanh(x);
            Assert.InRange(Lane(VectorActivations.Sigmoid(Vector256.Create(x))), sigmoid - 3e-7, sigmoid + 3e-7);
            Assert.InRange(Lane(VectorActivations.Tanh(Vector256.Create(x))), tanh - 3e-7, tanh + 3e-7);
        }
    }

    [Theory]
    [InlineData(-1e30f)]
    [InlineData(-200f)]
    [InlineData(200f)]
    [InlineData(1e30f)]
    public void Saturated_inputs_give_the_limits_without_overflow(float x)
    {
        Assert.Equal(x > 0 ? 1f : 0f, Lane(VectorActivations.Sigmoid(Vector256.Create(x))), 1e-30f);
        Assert.Equal(MathF.Sign(x), Lane(VectorActivations.Tanh(Vector256.Create(x))));
        Assert.True(float.IsFinite(Lane(VectorActivations.Exp(Vector256.Create(x)))));
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(3, 13)] // a row's last 5 lanes go through the padded vector
    [InlineData(2, 5)]
    [InlineData(4, 100)]
    public void Gru_gates_match_the_double_precision_cell(int rows, int hidden)
    {
        var random = new RandomSource((ulong)hidden);
        float[] Values(int count) => [.. Enumerable.Range(0, count).Select(_ => random.NextUniform(-3f, 3f))];
        var (gi, gh, h) = (Values(rows * 3 * hidden), Values(rows * 3 * hidden), Values(rows * hidden));
        var (rz, n, y) = (new float[rows * 2 * hidden], new float[rows * hidden], new float[rows * hidden]);

        GruKernels.Forward(rows, hidden, gi, gh, h, rz, n, y);

        for (var row = 0; row < rows; row++)
        {
            for (var j = 0; j < hidden; j++)
            {
                double Gate(float[] g, int gate) => g[(row * 3 * hidden) + (gate * hidden) + j];
                var r = 1 / (1 + Math.Exp(-(Gate(gi, 0) + Gate(gh, 0))));
                var z = 1 / (1 + Math.Exp(-(Gate(gi, 1) + Gate(gh, 1))));
                var nv = Math.Tanh(Gate(gi, 2) + (r * Gate(gh, 2)));
                var expected = ((1 - z) * nv) + (z * h[(row * hidden) + j]);
                Assert.Equal(r, rz[(row * 2 * hidden) + j], 1e-6);
                Assert.Equal(z, rz[(row * 2 * hidden) + hidden + j], 1e-6);
                Assert.Equal(nv, n[(row * hidden) + j], 1e-6);
                Assert.Equal(expected, y[(row * hidden) + j], 1e-6);
            }
        }
    }

    private static IEnumerable<float> Grid(float low, float high) =>
        Enumerable.Range(0, 2001).Select(i => low + ((high - low) * i / 2000f));

    private static float Lane(Vector256<float> values) => values.GetElement(3);
}
