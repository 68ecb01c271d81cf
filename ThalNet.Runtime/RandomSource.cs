using System;
using System.Buffers.Binary;

namespace ThalNet.Runtime;

/// <summary>
/// Deterministic pseudo-random generator (xoshiro256**, seeded through SplitMix64). The same seed
/// gives the same stream on every platform, and the whole state is four <see cref="ulong"/>s that a
/// checkpoint can save and restore exactly. Not thread-safe.
/// </summary>
public sealed class RandomSource
{
    /// <summary>Number of <see cref="ulong"/> words in the state.</summary>
    public const int StateLength = 4;

    /// <summary>Number of bytes in <see cref="GetStateBytes"/> (little-endian words).</summary>
    public const int StateByteLength = StateLength * sizeof(ulong);

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>
    /// A generator seeded with <paramref name="seed"/> (any value, zero included): one seed, one stream on every
    /// platform.
    /// </summary>
    public RandomSource(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Creates a generator that continues exactly from a saved state.</summary>
    public static RandomSource FromState(ReadOnlySpan<ulong> state)
    {
        var rng = new RandomSource(0);
        rng.RestoreState(state);
        return rng;
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), with 24 random bits (every float in the grid k * 2^-24).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>) (float rounding can return <paramref name="high"/> itself).</summary>
    public float NextUniform(float low, float high) => low + ((high - low) * NextFloat());

    /// <summary>
    /// Normal sample by Box-Muller. Each call consumes exactly two words and keeps no spare value,
    /// so the state stays four words.
    /// </summary>
    public float NextNormal(float mean = 0f, float standardDeviation = 1f)
    {
        var u1 = 1.0 - NextDouble(); // (0, 1]: keeps the logarithm finite
        var u2 = NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return (float)(mean + (standardDeviation * z));
    }

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var range = (uint)maxExclusive;
        var product = (NextUInt64() >> 32) * range;
        if ((uint)product < range)
        {
            var threshold = (0u - range) % range;
            while ((uint)product < threshold)
            {
                product = (NextUInt64() >> 32) * range;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle(Span<int> values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>
    /// The state: four words that <see cref="RestoreState"/> or <see cref="FromState"/> continue from.
    /// </summary>
    public ulong[] GetState() => [_s0, _s1, _s2, _s3];

    /// <summary>Continues from a state saved by <see cref="GetState"/>.</summary>
    /// <exception cref="ArgumentException">When the state is not four words or is all zero.</exception>
    public void RestoreState(ReadOnlySpan<ulong> state)
    {
        if (state.Length != StateLength)
        {
            throw new ArgumentException($"A RandomSource state has {StateLength} words, got {state.Length}.", nameof(state));
        }

        if ((state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException("An all-zero state is invalid for xoshiro256**.", nameof(state));
        }

        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    /// <summary>The state as <see cref="StateByteLength"/> bytes (little-endian words), for checkpoints.</summary>
    public byte[] GetStateBytes()
    {
        var bytes = new byte[StateByteLength];
        var state = GetState();
        for (var i = 0; i < StateLength; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), state[i]);
        }

        return bytes;
    }

    /// <summary>Continues from a state saved by <see cref="GetStateBytes"/>.</summary>
    /// <exception cref="ArgumentException">When the length is not <see cref="StateByteLength"/> or the state is all
    /// zero.</exception>
    public void RestoreStateBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != StateByteLength)
        {
            throw new ArgumentException($"A RandomSource state has {StateByteLength} bytes, got {bytes.Length}.", nameof(bytes));
        }

        Span<ulong> state = stackalloc ulong[StateLength];
        for (var i = 0; i < StateLength; i++)
        {
            state[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * sizeof(ulong))..]);
        }

        RestoreState(state);
    }

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
