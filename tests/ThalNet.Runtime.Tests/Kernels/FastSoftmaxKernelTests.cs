using ThalNet.Runtime.Kernels;
using ThalNet.Runtime.Tests.Gradients;

namespace ThalNet.Runtime.Tests.Kernels;

/// <summary>
/// The fast softmax reader's kernels at every vector width (16 lanes, 8, scalar; the wider ones emulated where the
/// processor lacks them) against the softmax, weighted sum and their gradients in double.
/// </summary>
public sealed class FastSoftmaxKernelTests
{
    [Theory]
    [InlineData(3, 36, 32, 16)]
    [InlineData(3, 36, 32, 8)]
    [InlineData(2, 7, 27, 16)]
    [InlineData(2, 7, 27, 8)]
    [InlineData(2, 1, 19, 16)]
    [InlineData(2, 4, 5, 1)]
    [InlineData(1, 2, 40, 16)]
    public void Forward_and_backward_match_double(int batch, int centerSize, int contextSize, int lanes)
    {
        var random = new RandomSource((ulong)((centerSize * contextSize) + lanes));
        var logits = RandomTensors.Uniform(random, Shape.Of(batch, centerSize, contextSize), -6f, 6f).Data.ToArray();
        var center = RandomTensors.Uniform(random, Shape.Of(batch, centerSize)).Data.ToArray();
        var dContext = RandomTensors.Uniform(random, Shape.Of(batch, contextSize)).Data.ToArray();
        var dBias = RandomTensors.Uniform(random, Shape.Of(centerSize * contextSize)).Data.ToArray();
        var expectedDBias = dBias.Select(v => (double)v).ToArray();
        var weights = new float[logits.Length];
        var (inverseSums, context) = (new float[batch * contextSize], new float[batch * contextSize]);
        FastSoftmaxKernels.Forward(batch, centerSize, contextSize, logits, weights, center, inverseSums, context, lanes);
        var dLogits = new float[logits.Length];
        var dCenter = new float[center.Length];
        FastSoftmaxKernels.Backward(batch, centerSize, contextSize, weights, inverseSums, center, context, dContext, dLogits, dCenter, dBias, lanes);

        for (var b = 0; b < batch; b++)
        {
            var expectedDCenter = new double[centerSize];
            for (var k = 0; k < contextSize; k++)
            {
                var i = (b * contextSize) + k;
                var a = DoubleSoftmax.Of([.. Enumerable.Range(0, centerSize).Select(c => (double)logits[(((b * centerSize) + c) * contextSize) + k])]);
                var expected = Enumerable.Range(0, centerSize).Sum(c => a[c] * center[(b * centerSize) + c]);
                Assert.True(Math.Abs(context[i] - expected) <= 4e-7, $"context[{b}, {k}] = {context[i]}, expected {expected}");
                for (var c = 0; c < centerSize; c++)
                {
                    var at = (((b * centerSize) + c) * contextSize) + k;
                    Assert.True(Math.Abs((weights[at] * inverseSums[i]) - a[c]) <= 4e-7, $"a[{b}, {c}, {k}] = {weights[at] * inverseSums[i]}, expected {a[c]}");
                    var g = a[c] * dContext[i] * (center[(b * centerSize) + c] - expected);
                    Assert.True(Math.Abs(dLogits[at] - g) <= 4e-7, $"d logits[{b}, {c}, {k}] = {dLogits[at]}, expected {g}");
                    expectedDCenter[c] += a[c] * dContext[i];
                    expectedDBias[(c * contextSize) + k] += g;
                }
            }

            for (var c = 0; c < centerSize; c++)
            {
                var actual = dCenter[(b * centerSize) + c];
                Assert.True(Math.Abs(actual - expectedDCenter[c]) <= 1e-6, $"d center[{b}, {c}] = {actual}, expected {expectedDCenter[c]}");
            }
        }

        for (var i = 0; i < dBias.Length; i++)
        {
            Assert.True(Math.Abs(dBias[i] - expectedDBias[i]) <= 1e-6, $"d bias[{i}] = {dBias[i]}, expected {expectedDBias[i]}");
        }
    }

    [Theory]
    [InlineData(2, 5, 19, 3)]
    [InlineData(3, 36, 32, 9)]
    public void Probe_receives_the_normalised_weights(int batch, int centerSize, int contextSize, int featureSize)
    {
        var random = new RandomSource((ulong)(centerSize + contextSize));
        var center = RandomTensors.Uniform(random, Shape.Of(batch, centerSize));
        var features = RandomTensors.Uniform(random, Shape.Of(batch, featureSize));
        var w = RandomTensors.Uniform(random, Shape.Of(featureSize, centerSize * contextSize), -2f, 2f);
        var bias = RandomTensors.Uniform(random, Shape.Of(centerSize * contextSize));
        var probe = new AttentionRecorder();

        new Tape().FastSoftmaxRead(center, features, w, bias, probe: probe);

        var (attention, shape) = Assert.Single(probe.Reads);
        Assert.Equal((batch, centerSize, contextSize), shape);
        for (var b = 0; b < batch; b++)
        {
            for (var k = 0; k < contextSize; k++)
            {
                var a = DoubleSoftmax.Of([.. Enumerable.Range(0, centerSize).Select(c => bias.Data[(c * contextSize) + k]
                    + Enumerable.Range(0, featureSize).Sum(f => (double)features.Data[(b * featureSize) + f] * w.Data[(f * centerSize * contextSize) + (c * contextSize) + k]))]);
                for (var c = 0; c < centerSize; c++)
                {
                    var actual = attention[(((b * centerSize) + c) * contextSize) + k];
                    Assert.True(Math.Abs(actual - a[c]) <= 4e-7, $"a[{b}, {c}, {k}] = {actual}, expected {a[c]}");
                }
            }
        }
    }

    private sealed class AttentionRecorder : IAttentionObserver
    {
        public List<(float[] Attention, (int Batch, int Center, int Context) Shape)> Reads { get; } = [];

        public void Add(ReadOnlySpan<float> attention, int batch, int center, int context) =>
            Reads.Add((attention[..(batch * center * context)].ToArray(), (batch, center, context)));
    }
}
