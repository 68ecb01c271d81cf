using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>The four reading mechanisms, as tape operations and as modules.</summary>
public class ReaderGradientTests
{
    [Theory]
    [InlineData(1, 3, 4)]
    [InlineData(2, 1, 6)]
    public void WeightNormMatrix(int seed, int contextSize, int centerSize)
    {
        var random = new RandomSource((ulong)seed);
        var w = RandomTensors.Uniform(random, Shape.Of(contextSize, centerSize));
        var beta = RandomTensors.Uniform(random, Shape.Scalar, 0.5f, 2f);
        GradientChecker.Check(t => t.WeightNormMatrix(w, beta), [("w", w), ("beta", beta)]);
    }

    [Theory]
    [InlineData(3, 2, 5, 3)]
    [InlineData(4, 4, 3, 17)]
    public void WeightNormRead(int seed, int batch, int centerSize, int contextSize)
    {
        var random = new RandomSource((ulong)seed);
        var center = RandomTensors.Uniform(random, Shape.Of(batch, centerSize));
        var w = RandomTensors.Uniform(random, Shape.Of(contextSize, centerSize));
        var beta = RandomTensors.Uniform(random, Shape.Scalar, 0.5f, 2f);
        GradientChecker.Check(t => t.WeightNormRead(center, w, beta), [("center", center), ("w", w), ("beta", beta)]);
    }

    [Theory]
    [InlineData(5, 2, 5, 3, false)]
    [InlineData(6, 3, 4, 16, true)]
    public void LinearRead(int seed, int batch, int centerSize, int contextSize, bool preTransposed)
    {
        var random = new RandomSource((ulong)seed);
        var center = RandomTensors.Uniform(random, Shape.Of(batch, centerSize));
        var w = RandomTensors.Uniform(random, Shape.Of(contextSize, centerSize));
        GradientChecker.Check(t => t.LinearRead(center, w, preTransposed ? t.TransposeConstant(w) : null), [("center", center), ("w", w)]);
    }

    [Theory]
    [InlineData(7, 2, 4, 3, 5, false)]
    [InlineData(8, 3, 3, 2, 4, true)]
    [InlineData(9, 1, 6, 1, 2, false)]
    [InlineData(14, 2, 5, 19, 3, false)]
    [InlineData(19, 2, 3, 27, 2, true)]
    [InlineData(20, 2, 3, 4, 17, true)]
    [InlineData(21, 2, 4, 3, 18, false)]
    public void FastSoftmaxRead(int seed, int batch, int centerSize, int contextSize, int featureSize, bool preTransposed)
    {
        var random = new RandomSource((ulong)seed);
        var center = RandomTensors.Uniform(random, Shape.Of(batch, centerSize));
        var features = RandomTensors.Uniform(random, Shape.Of(batch, featureSize));
        var w = RandomTensors.Uniform(random, Shape.Of(featureSize, centerSize * contextSize), -2f, 2f);
        var bias = RandomTensors.Uniform(random, Shape.Of(centerSize * contextSize));
        GradientChecker.Check(
            t => t.FastSoftmaxRead(center, features, w, bias, preTransposed ? t.TransposeConstant(w) : null),
            [("center", center), ("features", features), ("w", w), ("bias", bias)]);
    }

    [Theory]
    [InlineData(10, 2, 4, 3, 5, 0f, false)]
    [InlineData(11, 3, 6, 2, 3, 0f, true)]
    [InlineData(12, 2, 5, 4, 2, 22f, false)]
    [InlineData(15, 2, 41, 3, 3, -2f, false)]
    [InlineData(16, 1, 70, 2, 2, -4f, true)]
    [InlineData(17, 2, 30, 16, 3, -2f, false)]
    [InlineData(18, 2, 12, 9, 3, 0f, false)]
    public void FastGaussianRead(int seed, int batch, int centerSize, int contextSize, int featureSize, float scaleOffset, bool preTransposed)
    {
        // scaleOffset = 22 puts the scale logits into softplus's linear range above 20; the window is then about 22
        // positions wide and nearly flat, so the center values are spread wider to keep the gradients measurable.
        // A negative offset narrows sigma towards 0.5 on a long center: only a window of positions is computed, in vectors.
        // There mu = (C-1) σ(x) moves several positions per unit of x through a window under a position wide, so the
        // central difference takes a smaller step to keep its truncation error below the tolerance.
        var random = new RandomSource((ulong)seed);
        var spread = scaleOffset > 20f ? 100f : 1f;
        var center = RandomTensors.Uniform(random, Shape.Of(batch, centerSize), -spread, spread);
        var features = RandomTensors.Uniform(random, Shape.Of(batch, featureSize));
        var wMean = RandomTensors.Uniform(random, Shape.Of(featureSize, contextSize));
        var bMean = RandomTensors.Uniform(random, Shape.Of(contextSize));
        var wScale = RandomTensors.Uniform(random, Shape.Of(featureSize, contextSize), -0.5f, 0.5f);
        var bScale = RandomTensors.Uniform(random, Shape.Of(contextSize), scaleOffset - 1f, scaleOffset + 1f);
        GradientChecker.Check(
            t => preTransposed
                ? t.FastGaussianRead(center, features, wMean, bMean, wScale, bScale, null, t.TransposeConstant(wMean), t.TransposeConstant(wScale))
                : t.FastGaussianRead(center, features, wMean, bMean, wScale, bScale),
            [("center", center), ("features", features), ("w_mean", wMean), ("b_mean", bMean), ("w_scale", wScale), ("b_scale", bScale)],
            scaleOffset < 0f ? new GradientCheckOptions { Step = 1e-3 } : null);
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("weight_norm")]
    [InlineData("fast_softmax")]
    [InlineData("fast_gaussian")]
    public void Reader_module(string kind)
    {
        const int Batch = 2, CenterSize = 5, ContextSize = 3, FeatureSize = 4;
        var random = new RandomSource(13);
        Reader reader = kind switch
        {
            "linear" => new LinearReader(CenterSize, ContextSize, random),
            "weight_norm" => new WeightNormReader(CenterSize, ContextSize, random),
            "fast_softmax" => new FastSoftmaxReader(CenterSize, ContextSize, FeatureSize, random),
            _ => new FastGaussianReader(CenterSize, ContextSize, FeatureSize, random),
        };
        var center = RandomTensors.Uniform(random, Shape.Of(Batch, CenterSize));
        var features = RandomTensors.Uniform(random, Shape.Of(Batch, FeatureSize));
        List<(string, Tensor)> inputs = [.. GradientChecker.ParametersOf(reader), ("center", center)];
        if (!reader.IsStatic)
        {
            inputs.Add(("features", features));
        }

        // Read twice in one graph: a static reader builds its matrix once per graph and must accumulate both uses.
        GradientChecker.Check(t => t.Concat(0, reader.Read(t, center, features), reader.Read(t, t.Tanh(center), features)), inputs);
    }

    [Theory]
    [InlineData(21, 3, new[] { 4, 5, 3 }, 1, 4)]
    [InlineData(22, 1, new[] { 2 }, 0, 3)]
    [InlineData(23, 2, new[] { 3, 1, 6, 2 }, 3, 17)]
    public void AttentionRead(int seed, int batch, int[] slices, int module, int contextSize)
    {
        var random = new RandomSource((ulong)seed);
        var centerSize = slices.Sum();
        var center = RandomTensors.Uniform(random, Shape.Of(batch, centerSize), -2f, 2f);
        var wQuery = RandomTensors.Uniform(random, Shape.Of(contextSize, slices[module]));
        var bQuery = RandomTensors.Uniform(random, Shape.Of(contextSize));
        var wKey = RandomTensors.Uniform(random, Shape.Of(contextSize, centerSize));
        var wValue = RandomTensors.Uniform(random, Shape.Of(contextSize, centerSize));
        GradientChecker.Check(
            t => t.AttentionRead(center, slices, module, wQuery, bQuery, wKey, wValue, out _),
            [("center", center), ("w_query", wQuery), ("b_query", bQuery), ("w_key", wKey), ("w_value", wValue)]);
    }

    [Fact]
    public void AttentionReader_module_reads_with_its_own_parameters()
    {
        var random = new RandomSource(24);
        var reader = new AttentionReader([3, 4, 2], 2, 5, random);
        var center = RandomTensors.Uniform(random, Shape.Of(3, 9), -2f, 2f);
        GradientChecker.Check(t => reader.Read(t, center, center), [("center", center), .. GradientChecker.ParametersOf(reader)]);
    }
}
