using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// One context element's window (<see cref="FastGaussianKernels.Window"/>) and its weights e^(logit - max), zero below
/// the cutoff of <see cref="NegligibleWeights"/>: the first <see cref="Whole"/> positions 8 at a time, the rest one
/// at a time. The forward and backward passes take each position's weight from the same instructions, so they see the
/// same values.
/// </summary>
internal readonly struct GaussianWindow
{
    private readonly float _mean;
    private readonly float _invSigmaRootHalf;
    private readonly float _shift;
    private readonly float _cutoff;

    public GaussianWindow(int c, float mu, float sigma, float radius, float cutoff)
    {
        (_mean, _cutoff) = (mu, cutoff);
        var invSigma = 1f / sigma;
        _invSigmaRootHalf = invSigma * MathF.Sqrt(0.5f);
        (Start, Count) = FastGaussianKernels.Window(c, mu, sigma, radius);
        Whole = Vector256.IsHardwareAccelerated ? Count & ~7 : 0;
        var nearest = Math.Clamp(MathF.Round(mu), 0f, c - 1);
        var tNearest = (nearest - mu) * invSigma;
        _shift = 0.5f * tNearest * tNearest; // -max of the logits: every exponent stays <= 0
    }

    /// <summary>The first center position of the window.</summary>
    public int Start { get; }

    /// <summary>How many positions the window covers.</summary>
    public int Count { get; }

    /// <summary>The positions (from <see cref="Start"/>) that go 8 at a time: a multiple of 8.</summary>
    public int Whole { get; }

    /// <summary>The center positions Start .. Start + 7 as floats (exact: positions are far below 2^24).</summary>
    public Vector256<float> FirstPositions => Vector256.Create((float)Start) + Vector256.Create(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f);

    /// <summary>Position minus mean for 8 positions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Offsets(Vector256<float> positions) => positions - Vector256.Create(_mean);

    /// <summary>The weights of 8 positions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Weights(Vector256<float> positions)
    {
        // -0.5 t^2 as -(t / √2)^2: one negated multiply-add
        var u = Offsets(positions) * Vector256.Create(_invSigmaRootHalf);
        var exponent = Fma.IsSupported ? Fma.MultiplyAddNegated(u, u, Vector256.Create(_shift)) : Vector256.Create(_shift) - (u * u);
        return VectorActivations.Exp(exponent) & Vector256.GreaterThanOrEqual(exponent, Vector256.Create(_cutoff));
    }

    /// <summary>Position minus mean for the window's position <paramref name="j"/>.</summary>
    public float Offset(int j) => Start + j - _mean;

    /// <summary>The weight of the window's position <paramref name="j"/>.</summary>
    public float Weight(int j)
    {
        var u = Offset(j) * _invSigmaRootHalf;
        var exponent = _shift - (u * u);
        return exponent >= _cutoff ? MathF.Exp(exponent) : 0f;
    }
}
