namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Embedding: gradients scatter back to the picked rows, repeated tokens accumulate.</summary>
public class EmbeddingGradientTests
{
    [Theory]
    [InlineData(1, 5, 3, 8)]
    [InlineData(2, 2, 17, 6)]
    [InlineData(3, 10, 4, 3)]
    public void Embedding(int seed, int vocabulary, int dim, int tokenCount)
    {
        var random = new RandomSource((ulong)seed);
        var weight = RandomTensors.Uniform(random, Shape.Of(vocabulary, dim));
        var tokens = RandomTensors.Indices(random, tokenCount, vocabulary);
        GradientChecker.Check(t => t.Tanh(t.Embedding(weight, tokens)), [("weight", weight)]);
    }

    [Fact]
    public void Embedding_equals_a_one_hot_matrix_product()
    {
        var random = new RandomSource(4);
        var weight = RandomTensors.Uniform(random, Shape.Of(6, 5));
        int[] tokens = [3, 0, 3, 5, 3];
        var upstream = RandomTensors.Uniform(random, Shape.Of(5, 5)).Detach();

        var tape = new Tape();
        var embedded = tape.Embedding(weight, tokens);
        tape.Backward(tape.Sum(tape.Mul(embedded, upstream)));
        var embeddedValues = embedded.ToArray();
        var embeddingGrad = weight.Grad.ToArray();
        weight.ZeroGrad();

        tape.Reset();
        var product = tape.MatMul(tape.OneHot(tokens, 6), weight);
        tape.Backward(tape.Sum(tape.Mul(product, upstream)));

        Assert.Equal(product.ToArray(), embeddedValues);
        for (var i = 0; i < embeddingGrad.Length; i++)
        {
            Assert.Equal(weight.Grad[i], embeddingGrad[i], 5);
        }
    }
}
