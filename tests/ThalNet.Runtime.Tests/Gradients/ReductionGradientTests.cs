namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Sum and Mean over all elements and along an axis.</summary>
public class ReductionGradientTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Over_all_elements(bool mean)
    {
        var x = RandomTensors.Uniform(new RandomSource(mean ? 1u : 2u), Shape.Of(3, 4, 5));
        GradientChecker.Check(t => mean ? t.Mean(x) : t.Sum(x), [("x", x)]);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(false, -1)]
    [InlineData(true, 0)]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    [InlineData(true, -2)]
    public void Along_an_axis(bool mean, int axis)
    {
        var x = RandomTensors.Uniform(new RandomSource((ulong)(axis + 10 + (mean ? 20 : 0))), Shape.Of(3, 4, 5));
        GradientChecker.Check(t => mean ? t.Mean(x, axis) : t.Sum(x, axis), [("x", x)]);
    }
}
