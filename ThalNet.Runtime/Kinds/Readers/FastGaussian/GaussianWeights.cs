using System.Runtime.CompilerServices;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// A window's weights e^(logit - max), zero below the cutoff of <see cref="NegligibleWeights"/>, as powers of two:
/// 2^(shift - ((c - mu) scale)^2) with scale = √(log2(e) / 2) / sigma and shift = log2(e) times minus the largest logit
/// (<see cref="GaussianWindows"/>), so that the exponential needs no reduction by ln 2. A position computed alone goes
/// through the same arithmetic as a vector of them (<see cref="Lanes1"/>), so every pass sees the same value for it;
/// and no call is left in the kernels, whose vector accumulators the compiler would otherwise keep in memory.
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
        return LaneMath.Exp2Above<TLanes, TVector>(TLanes.NegatedMultiplyAdd(u, u, shift), cutoff);
    }

    /// <summary>The weight of one position, given its offset c - mu.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Of(float offset, float scale, float shift, float cutoff) => Of<Lanes1, float>(offset, scale, shift, cutoff);
}
