namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Softmax and LogSoftmax along every axis of a rank-3 tensor.</summary>
public class SoftmaxGradientTests
{
    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(false, -1)]
    [InlineData(true, 0)]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    [InlineData(true, -1)]
    public void Along_an_axis_of_a_rank_3_tensor(bool log, int axis)
    {
        var x = RandomTensors.Uniform(new RandomSource((ulong)(axis + 10 + (log ? 20 : 0))), Shape.Of(3, 4, 5), -3f, 3f);
        GradientChecker.Check(t => log ? t.LogSoftmax(x, axis) : t.Softmax(x, axis), [("x", x)]);
    }

    [Fact]
    public void Default_axis_of_a_matrix()
    {
        var x = RandomTensors.Uniform(new RandomSource(31), Shape.Of(4, 9), -3f, 3f);
        GradientChecker.Check(t => t.Add(t.Softmax(x), t.LogSoftmax(x)), [("x", x)]);
    }
}
