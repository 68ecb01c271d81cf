namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>The mean squared error, with respect to the prediction and (when it requires one) the target.</summary>
public class MseGradientTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 3, 5)]
    [InlineData(3, 4, 17)]
    public void Mse(int seed, int rows, int cols)
    {
        var random = new RandomSource((ulong)seed);
        var prediction = RandomTensors.Uniform(random, Shape.Of(rows, cols));
        var target = RandomTensors.Uniform(random, Shape.Of(rows, cols));
        GradientChecker.Check(t => t.Mse(prediction, target, 0.5f), [("prediction", prediction), ("target", target)]);
    }

    [Fact]
    public void Mse_is_the_mean_of_squared_differences()
    {
        var tape = new Tape();
        var prediction = Tensor.FromSpan([1f, 2f, 3f, 4f], Shape.Of(2, 2));
        var target = Tensor.FromSpan([0f, 2f, 5f, 1f], Shape.Of(2, 2));

        Assert.Equal((1f + 0f + 4f + 9f) / 4f, tape.Mse(prediction, target).Item());
    }

    [Fact]
    public void Mse_rejects_shapes_that_differ()
    {
        var tape = new Tape();

        var error = Assert.Throws<ShapeMismatchException>(() => tape.Mse(new Tensor(Shape.Of(2, 3)), new Tensor(Shape.Of(3, 2))));

        Assert.Contains("same shape", error.Message, StringComparison.Ordinal);
    }
}
