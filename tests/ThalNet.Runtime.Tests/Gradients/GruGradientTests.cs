using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>The fused GRU cell (x, h and all four parameters) and a stacked GRU unrolled over three steps.</summary>
public class GruGradientTests
{
    [Theory]
    [InlineData(1, 1, 1, 1, false)]
    [InlineData(2, 2, 3, 4, false)]
    [InlineData(3, 3, 5, 8, true)]
    [InlineData(4, 5, 2, 6, true)]
    [InlineData(5, 2, 4, 17, false)]
    public void GruCell(int seed, int batch, int inputSize, int hiddenSize, bool preTransposed)
    {
        var random = new RandomSource((ulong)seed);
        var x = RandomTensors.Uniform(random, Shape.Of(batch, inputSize));
        var h = RandomTensors.Uniform(random, Shape.Of(batch, hiddenSize));
        var weightIh = RandomTensors.Uniform(random, Shape.Of(3 * hiddenSize, inputSize));
        var weightHh = RandomTensors.Uniform(random, Shape.Of(3 * hiddenSize, hiddenSize));
        var biasIh = RandomTensors.Uniform(random, Shape.Of(3 * hiddenSize));
        var biasHh = RandomTensors.Uniform(random, Shape.Of(3 * hiddenSize));
        GradientChecker.Check(
            t => t.GruCell(x, h, weightIh, weightHh, biasIh, biasHh,
                preTransposed ? t.TransposeConstant(weightIh) : null, preTransposed ? t.TransposeConstant(weightHh) : null),
            [("x", x), ("h", h), ("weight_ih", weightIh), ("weight_hh", weightHh), ("bias_ih", biasIh), ("bias_hh", biasHh)]);
    }

    [Theory]
    [InlineData(6, 1)]
    [InlineData(7, 2)]
    public void StackedGru_over_three_steps(int seed, int layers)
    {
        const int Steps = 3, Batch = 2, InputSize = 3, HiddenSize = 4;
        var random = new RandomSource((ulong)seed);
        var gru = new StackedGru(InputSize, HiddenSize, layers, random);
        var xs = RandomTensors.Uniform(random, Shape.Of(Steps, Batch, InputSize));
        var h0 = RandomTensors.Uniform(random, Shape.Of(layers, Batch, HiddenSize));
        GradientChecker.Check(
            t =>
            {
                var states = new Tensor[layers];
                for (var l = 0; l < layers; l++)
                {
                    states[l] = t.Select(h0, l);
                }

                var outputs = new Tensor[Steps + 1];
                for (var s = 0; s < Steps; s++)
                {
                    outputs[s] = gru.Step(t, t.Select(xs, s), states);
                }

                outputs[Steps] = states[0];
                return t.Concat(0, outputs);
            },
            [.. GradientChecker.ParametersOf(gru), ("xs", xs), ("h0", h0)]);
    }
}
