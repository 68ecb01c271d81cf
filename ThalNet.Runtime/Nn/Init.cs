namespace ThalNet.Runtime.Nn;

/// <summary>PyTorch's default initialisations, drawn from a seeded <see cref="RandomSource"/>.</summary>
public static class Init
{
    /// <summary>Fills with U(-bound, bound).</summary>
    public static void Uniform(Tensor tensor, float bound, RandomSource random)
    {
        var data = tensor.Data;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextUniform(-bound, bound);
        }
    }

    /// <summary>U(-1/sqrt(fanIn), 1/sqrt(fanIn)): nn.Linear's weight (kaiming_uniform with a = sqrt 5) and bias, and every GRU tensor with fanIn = hidden.</summary>
    public static void FanIn(Tensor tensor, int fanIn, RandomSource random) =>
        Uniform(tensor, fanIn > 0 ? 1f / MathF.Sqrt(fanIn) : 0f, random);
}
