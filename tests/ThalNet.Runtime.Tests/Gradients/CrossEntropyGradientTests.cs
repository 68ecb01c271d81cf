namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>CrossEntropy from logits of rank 2 and 3, with a scale.</summary>
public class CrossEntropyGradientTests
{
    [Theory]
    [InlineData(1, new[] { 4, 5 }, 1f)]
    [InlineData(2, new[] { 1, 3 }, 0.5f)]
    [InlineData(3, new[] { 3, 2, 7 }, 2.5f)]
    [InlineData(4, new[] { 6, 10 }, -1f)]
    public void CrossEntropy_with_scale(int seed, int[] logitDims, float scale)
    {
        var random = new RandomSource((ulong)seed);
        var logits = RandomTensors.Uniform(random, Shape.Of(logitDims), -3f, 3f);
        var targets = RandomTensors.Indices(random, logits.Shape.Rows, logits.Shape.Cols);
        GradientChecker.Check(t => t.CrossEntropy(logits, targets, scale), [("logits", logits)]);
    }

    [Fact]
    public void CrossEntropy_after_LogSoftmax_matches_its_definition()
    {
        // Same loss written with primitive ops; the fused op must agree in value and gradient.
        var random = new RandomSource(5);
        var logits = RandomTensors.Uniform(random, Shape.Of(5, 6), -3f, 3f);
        var targets = RandomTensors.Indices(random, 5, 6);
        var tape = new Tape();
        var fused = tape.CrossEntropy(logits, targets, 0.5f);
        tape.Backward(fused);
        var fusedLoss = fused.Item();
        var fusedGrad = logits.Grad.ToArray();
        logits.ZeroGrad();

        tape.Reset();
        var picked = tape.Mul(tape.LogSoftmax(logits, -1), tape.OneHot(targets, 6));
        var reference = tape.Scale(tape.Sum(picked), -0.5f / 5);
        tape.Backward(reference);

        Assert.Equal(reference.Item(), fusedLoss, 5);
        for (var i = 0; i < fusedGrad.Length; i++)
        {
            Assert.Equal(logits.Grad[i], fusedGrad[i], 5);
        }
    }
}
