namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>The fused LSTM cell (x, h, c and all four parameters), one step and two chained steps through the cell state.</summary>
public class LstmGradientTests
{
    [Theory]
    [InlineData(1, 1, 1, 1, false)]
    [InlineData(2, 2, 3, 4, false)]
    [InlineData(3, 3, 5, 8, true)]
    [InlineData(4, 2, 4, 17, true)]
    public void LstmCell(int seed, int batch, int inputSize, int hiddenSize, bool preTransposed)
    {
        var random = new RandomSource((ulong)seed);
        var x = RandomTensors.Uniform(random, Shape.Of(batch, inputSize));
        var h = RandomTensors.Uniform(random, Shape.Of(batch, hiddenSize));
        var c = RandomTensors.Uniform(random, Shape.Of(batch, hiddenSize));
        var (weightIh, weightHh, biasIh, biasHh) = Parameters(random, inputSize, hiddenSize);
        GradientChecker.Check(
            t =>
            {
                var (hNew, cNew) = t.LstmCell(x, h, c, weightIh, weightHh, biasIh, biasHh,
                    preTransposed ? t.TransposeConstant(weightIh) : null, preTransposed ? t.TransposeConstant(weightHh) : null);
                return t.Concat(1, hNew, cNew);
            },
            [("x", x), ("h", h), ("c", c), ("weight_ih", weightIh), ("weight_hh", weightHh), ("bias_ih", biasIh), ("bias_hh", biasHh)]);
    }

    /// <summary>Only h of the second step is the output, so the first step's c' gets its gradient through the second step alone.</summary>
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Two_steps_carry_the_cell_state(int seed)
    {
        const int Batch = 2, InputSize = 3, HiddenSize = 4;
        var random = new RandomSource((ulong)seed);
        var x = RandomTensors.Uniform(random, Shape.Of(2, Batch, InputSize));
        var h0 = RandomTensors.Uniform(random, Shape.Of(Batch, HiddenSize));
        var c0 = RandomTensors.Uniform(random, Shape.Of(Batch, HiddenSize));
        var (weightIh, weightHh, biasIh, biasHh) = Parameters(random, InputSize, HiddenSize);
        GradientChecker.Check(
            t =>
            {
                var (h1, c1) = t.LstmCell(t.Select(x, 0), h0, c0, weightIh, weightHh, biasIh, biasHh);
                var (h2, _) = t.LstmCell(t.Select(x, 1), h1, c1, weightIh, weightHh, biasIh, biasHh);
                return h2;
            },
            [("x", x), ("h0", h0), ("c0", c0), ("weight_ih", weightIh), ("weight_hh", weightHh), ("bias_ih", biasIh), ("bias_hh", biasHh)]);
    }

    private static (Tensor WeightIh, Tensor WeightHh, Tensor BiasIh, Tensor BiasHh) Parameters(RandomSource random, int inputSize, int hiddenSize) => (
        RandomTensors.Uniform(random, Shape.Of(4 * hiddenSize, inputSize)),
        RandomTensors.Uniform(random, Shape.Of(4 * hiddenSize, hiddenSize)),
        RandomTensors.Uniform(random, Shape.Of(4 * hiddenSize)),
        RandomTensors.Uniform(random, Shape.Of(4 * hiddenSize)));
}
