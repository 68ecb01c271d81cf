namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Deterministic random inputs for gradient checks: leaf tensors that track gradients, and index lists.</summary>
internal static class RandomTensors
{
    /// <summary>A leaf tensor with values drawn from U(low, high).</summary>
    public static Tensor Uniform(RandomSource random, Shape shape, float low = -1f, float high = 1f)
    {
        var tensor = new Tensor(shape, requiresGrad: true);
        var data = tensor.Data;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextUniform(low, high);
        }

        return tensor;
    }

    /// <summary>A leaf tensor whose values have magnitude in [min, max] and a random sign (away from a kink at zero).</summary>
    public static Tensor AwayFromZero(RandomSource random, Shape shape, float min, float max)
    {
        var tensor = Uniform(random, shape, min, max);
        var data = tensor.Data;
        for (var i = 0; i < data.Length; i++)
        {
            if (random.NextInt(2) == 0)
            {
                data[i] = -data[i];
            }
        }

        return tensor;
    }

    /// <summary>Integers in [0, maxExclusive): class targets or tokens (repeats are likely, which tests accumulation).</summary>
    public static int[] Indices(RandomSource random, int count, int maxExclusive)
    {
        var indices = new int[count];
        for (var i = 0; i < count; i++)
        {
            indices[i] = random.NextInt(maxExclusive);
        }

        return indices;
    }

    /// <summary>
    /// Draws until <paramref name="acceptable"/> holds (used to keep ReLU pre-activations away from zero); the
    /// sequence is deterministic for a given generator state.
    /// </summary>
    public static T DrawUntil<T>(RandomSource random, Func<RandomSource, T> draw, Func<T, bool> acceptable)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var candidate = draw(random);
            if (acceptable(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No acceptable random draw in 1000 attempts; relax the condition.");
    }

    /// <summary>The smallest magnitude of the output of <paramref name="preActivation"/>, run without gradients.</summary>
    public static float SmallestMagnitude(Func<Tape, Tensor> preActivation)
    {
        var tape = new Tape();
        using (tape.NoGrad())
        {
            var smallest = float.PositiveInfinity;
            foreach (var v in preActivation(tape).Data)
            {
                smallest = MathF.Min(smallest, MathF.Abs(v));
            }

            return smallest;
        }
    }
}
