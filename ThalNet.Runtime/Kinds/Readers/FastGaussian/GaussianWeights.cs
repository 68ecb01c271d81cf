using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// A window's weights e^(logit - max), zero below the cutoff of <see cref="NegligibleWeights"/>, as powers of two:
/// 2^(shift - ((c - mu) scale)^2) with scale = √(log2(e) / 2) / sigma and shift = log2(e) times minus the largest logit
/// (<see cref="GaussianWindows"/>), so that the exponential needs no reduction by ln 2. A position computed alone goes through the same vector instructions as a vector of
/// them, so every pass sees the same value for it; and no call is left in the kernels, whose vector accumulators the
/// compiler would otherwise keep in memory.
/// </summary>
internal static class GaussianWeights
{
    /// <summary>The weights of a vector of positions, given their offsets c - mu.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Of<TLanes, TVector>(TVector offsets, TVector scale, TVector shift, TVector cutoff)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        var u = TLanes.Multiply(offsets, scale);
        return TLanes.Exp2Above(TLanes.NegatedMultiplyAdd(u, u, shift), cutoff);
    }

    /// <summary>log2(e), the factor from natural exponents to powers of two.</summary>
    public const float Log2E = 1.44269504088896341f;

    /// <summary>The cutoff of <see cref="NegligibleWeights"/> as a power of two: -log2(C 2^24).</summary>
    /// <param name="c">The center's width.</param>
    public static float Cutoff(int c) => NegligibleWeights.ExponentCutoff(c) * Log2E;

    /// <summary>The weight of one position, given its offset c - mu.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Of(float offset, float scale, float shift, float cutoff) =>
        Of<Lanes256, Vector256<float>>(Vector256.Create(offset), Vector256.Create(scale), Vector256.Create(shift), Vector256.Create(cutoff)).ToScalar();
}
