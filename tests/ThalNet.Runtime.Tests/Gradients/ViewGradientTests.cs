namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Reshape, Narrow and Select views, from the tape and from the tensor: gradients must land in the base.</summary>
public class ViewGradientTests
{
    [Fact]
    public void Tape_reshape()
    {
        var x = RandomTensors.Uniform(new RandomSource(1), Shape.Of(2, 6));
        GradientChecker.Check(t => t.Softmax(t.Reshape(x, Shape.Of(3, 4)), -1), [("x", x)]);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 3)]
    [InlineData(3, 1)]
    public void Tape_narrow(int start, int count)
    {
        var x = RandomTensors.Uniform(new RandomSource((ulong)(start + 2)), Shape.Of(4, 2, 3));
        GradientChecker.Check(t => t.Tanh(t.Narrow(x, start, count)), [("x", x)]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Tape_select(int index)
    {
        var x = RandomTensors.Uniform(new RandomSource((ulong)(index + 7)), Shape.Of(3, 2, 4));
        GradientChecker.Check(t => t.Softmax(t.Select(x, index), -1), [("x", x)]);
    }

    [Fact]
    public void Tensor_views()
    {
        var x = RandomTensors.Uniform(new RandomSource(11), Shape.Of(4, 6));
        GradientChecker.Check(
            t => t.Concat(0, t.Tanh(x.Reshape(2, 12)).Reshape(4, 6), t.Sigmoid(x.Narrow(1, 2)), t.Reshape(x.Select(3), Shape.Of(1, 6))),
            [("x", x)]);
    }

    [Fact]
    public void Several_views_of_one_base_accumulate()
    {
        var x = RandomTensors.Uniform(new RandomSource(12), Shape.Of(3, 5));
        GradientChecker.Check(
            t => t.Add(t.Mul(t.Select(x, 0), t.Select(x, 2)), t.Sum(t.Narrow(x, 1, 2), 0)),
            [("x", x)]);
    }
}
