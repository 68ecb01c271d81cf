namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>MatMul and the fused Linear (each activation, bias or not, rank-3 input, pre-transposed weight or not).</summary>
public class LinearGradientTests
{
    public static TheoryData<Activation, bool, bool, bool> LinearCases()
    {
        var cases = new TheoryData<Activation, bool, bool, bool>();
        foreach (var activation in Enum.GetValues<Activation>())
        {
            foreach (var bias in new[] { false, true })
            {
                foreach (var rank3 in new[] { false, true })
                {
                    foreach (var transposed in new[] { false, true })
                    {
                        cases.Add(activation, bias, rank3, transposed);
                    }
                }
            }
        }

        return cases;
    }

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(2, 3, 5, 7)]
    [InlineData(3, 5, 4, 16)]
    [InlineData(4, 6, 9, 21)]
    [InlineData(5, 9, 3, 8)]
    public void MatMul(int seed, int m, int k, int n)
    {
        var random = new RandomSource((ulong)seed);
        var a = RandomTensors.Uniform(random, Shape.Of(m, k));
        var b = RandomTensors.Uniform(random, Shape.Of(k, n));
        GradientChecker.Check(t => t.MatMul(a, b), [("a", a), ("b", b)]);
    }

    [Theory]
    [InlineData(6, 2, 3, 4, 5)]
    [InlineData(7, 3, 2, 6, 17)]
    public void MatMul_flattens_the_leading_axes_of_a_rank_3_left_operand(int seed, int t0, int m, int k, int n)
    {
        var random = new RandomSource((ulong)seed);
        var a = RandomTensors.Uniform(random, Shape.Of(t0, m, k));
        var b = RandomTensors.Uniform(random, Shape.Of(k, n));
        GradientChecker.Check(t => t.MatMul(a, b), [("a", a), ("b", b)]);
    }

    [Theory]
    [MemberData(nameof(LinearCases))]
    public void Linear(Activation activation, bool withBias, bool rank3, bool preTransposed)
    {
        // A distinct seed, and so distinct random sizes, for each of the 32 cases.
        var random = new RandomSource((ulong)((int)activation * 8) + (withBias ? 4u : 0u) + (rank3 ? 2u : 0u) + (preTransposed ? 1u : 0u));
        var (m, k, n) = (1 + random.NextInt(5), 1 + random.NextInt(8), 1 + random.NextInt(20));
        var options = activation == Activation.Relu ? GradientCheckOptions.NearKinks : GradientCheckOptions.Default;
        var xShape = rank3 ? Shape.Of(2, m, k) : Shape.Of(m, k);
        var (x, w, b) = RandomTensors.DrawUntil(
            random,
            r => (RandomTensors.Uniform(r, xShape), RandomTensors.Uniform(r, Shape.Of(n, k)), withBias ? RandomTensors.Uniform(r, Shape.Of(n)) : null),
            c => activation != Activation.Relu || RandomTensors.SmallestMagnitude(t => t.Linear(c.Item1, c.Item2, c.Item3)) >= options.KinkMargin);

        List<(string, Tensor)> inputs = [("x", x), ("weight", w)];
        if (b is not null)
        {
            inputs.Add(("bias", b));
        }

        GradientChecker.Check(t => t.Linear(x, w, b, activation, preTransposed ? t.TransposeConstant(w) : null), inputs, options);
    }

    [Fact]
    public void FeedForward_module_gradients_reach_its_parameters()
    {
        var random = new RandomSource(40);
        var layer = new Nn.FeedForward(5, 6, Activation.Tanh, random);
        var x = RandomTensors.Uniform(random, Shape.Of(3, 5));
        GradientChecker.Check(t => layer.Forward(t, x), [.. GradientChecker.ParametersOf(layer), ("x", x)]);
    }
}
