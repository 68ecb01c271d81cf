using System;
using System.Linq;

namespace ThalNet.Runtime.Tests.Data;

public class RandomSourceTests
{
    [Fact]
    public void Matches_the_xoshiro256starstar_reference_for_a_known_state()
    {
        // Reference output of xoshiro256** (Blackman & Vigna) from state {1, 2, 3, 4}.
        var random = RandomSource.FromState([1, 2, 3, 4]);

        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240];
        Assert.Equal(expected, Enumerable.Range(0, 4).Select(_ => random.NextUInt64()));
    }

    [Fact]
    public void Same_seed_same_stream_different_seed_different_stream()
    {
        var a = new RandomSource(123);
        var b = new RandomSource(123);
        var c = new RandomSource(124);

        var sa = Enumerable.Range(0, 8).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(sa, Enumerable.Range(0, 8).Select(_ => b.NextUInt64()));
        Assert.NotEqual(sa, Enumerable.Range(0, 8).Select(_ => c.NextUInt64()));
    }

    [Fact]
    public void State_round_trips_as_words_and_bytes()
    {
        var random = new RandomSource(9);
        random.NextNormal();
        var words = random.GetState();
        var bytes = random.GetStateBytes();
        var expected = Enumerable.Range(0, 5).Select(_ => random.NextUInt64()).ToArray();

        var fromWords = RandomSource.FromState(words);
        var fromBytes = new RandomSource(0);
        fromBytes.RestoreStateBytes(bytes);

        Assert.Equal(RandomSource.StateByteLength, bytes.Length);
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => fromWords.NextUInt64()));
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => fromBytes.NextUInt64()));
    }

    [Fact]
    public void Invalid_states_are_rejected()
    {
        var random = new RandomSource(1);

        Assert.Throws<ArgumentException>(() => random.RestoreState([0, 0, 0, 0]));
        Assert.Throws<ArgumentException>(() => random.RestoreState([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => random.RestoreStateBytes(new byte[31]));
    }

    [Fact]
    public void Uniform_values_stay_in_range_with_the_right_mean()
    {
        var random = new RandomSource(2);
        var floats = Enumerable.Range(0, 100_000).Select(_ => random.NextFloat()).ToArray();
        var uniforms = Enumerable.Range(0, 100_000).Select(_ => random.NextUniform(-3f, 5f)).ToArray();

        Assert.All(floats, f => Assert.InRange(f, 0f, 0.99999994f));
        Assert.InRange(floats.Average(), 0.49, 0.51);
        Assert.All(uniforms, u => Assert.InRange(u, -3f, 5f));
        Assert.InRange(uniforms.Average(), 0.95, 1.05);
    }

    [Fact]
    public void Normal_values_have_the_requested_mean_and_deviation()
    {
        var random = new RandomSource(3);
        var values = Enumerable.Range(0, 200_000).Select(_ => (double)random.NextNormal(2f, 0.5f)).ToArray();

        var mean = values.Average();
        var std = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, 1.99, 2.01);
        Assert.InRange(std, 0.49, 0.51);
        Assert.All(values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void NextInt_is_unbiased_and_in_range()
    {
        var random = new RandomSource(4);
        var counts = new int[3];
        for (var i = 0; i < 300_000; i++)
        {
            counts[random.NextInt(3)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 99_000, 101_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0));
    }

    [Fact]
    public void Shuffle_is_a_deterministic_permutation()
    {
        int[] a = [.. Enumerable.Range(0, 100)];
        int[] b = [.. Enumerable.Range(0, 100)];

        new RandomSource(5).Shuffle(a);
        new RandomSource(5).Shuffle(b);

        Assert.Equal(a, b);
        Assert.Equal(Enumerable.Range(0, 100), a.Order());
        Assert.NotEqual(Enumerable.Range(0, 100), a);
    }
}
