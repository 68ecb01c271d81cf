namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Relu, Tanh, Sigmoid (named and through Activate) and Softplus, including its linear range above 20.</summary>
public class ActivationGradientTests
{
    [Theory]
    [InlineData(Activation.None, 1)]
    [InlineData(Activation.Relu, 2)]
    [InlineData(Activation.Tanh, 3)]
    [InlineData(Activation.Sigmoid, 4)]
    public void Activate(Activation activation, int seed)
    {
        // |x| >= 0.05 keeps ReLU's kink more than 2h away from every input.
        var x = RandomTensors.AwayFromZero(new RandomSource((ulong)seed), Shape.Of(3, 7), 0.05f, 3f);
        GradientChecker.Check(t => t.Activate(x, activation), [("x", x)]);
    }

    [Theory]
    [InlineData(Activation.Relu, 5)]
    [InlineData(Activation.Tanh, 6)]
    [InlineData(Activation.Sigmoid, 7)]
    public void Named_activation(Activation activation, int seed)
    {
        var x = RandomTensors.AwayFromZero(new RandomSource((ulong)seed), Shape.Of(2, 3, 5), 0.05f, 3f);
        GradientChecker.Check(
            t => activation switch
            {
                Activation.Relu => t.Relu(x),
                Activation.Tanh => t.Tanh(x),
                _ => t.Sigmoid(x),
            },
            [("x", x)]);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    public void Softplus_below_and_above_the_linear_threshold(int seed)
    {
        var x = RandomTensors.Uniform(new RandomSource((ulong)seed), Shape.Of(4, 8), -25f, 25f);
        float[] extremes = [20.5f, 24f, 35f, 19.5f, -30f];
        extremes.CopyTo(x.Data);
        GradientChecker.Check(t => t.Softplus(x), [("x", x)]);
    }
}
