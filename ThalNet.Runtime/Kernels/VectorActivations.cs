using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// e^x, σ and tanh on 8 lanes in single precision, inlined into kernels that keep several gates in registers.
/// <see cref="Vector256.Exp(Vector256{float})"/> widens to double and is not inlined; a recurrent cell's gates spent
/// more time in it than in their own arithmetic. The exponential is Cephes' expf (range reduction by ln 2 in two
/// parts, a degree-6 polynomial on [-ln2/2, ln2/2], the power of two put into the exponent bits): within 2 ulp of
/// e^x on the clamped range, which is what σ and tanh need (they saturate long before the clamps). After the clamps
/// the power n is a small whole number, so the processor's own conversion to int is exact and the saturating
/// conversion's fix-ups are not needed.
/// </summary>
internal static class VectorActivations
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-87.33f)), Vector256.Create(88.37f));
        var n = Vector256.Round(x * Vector256.Create(1.44269504088896341f));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-0.693359375f), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(2.12194440e-4f), r);
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(1.9875691500e-4f), r, Vector256.Create(1.3981999507e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
        p = Vector256.FusedMultiplyAdd(p, r * r, r + Vector256<float>.One);
        var scale = ((Vector256.ConvertToInt32Native(n) + Vector256.Create(127)) << 23).AsSingle();
        return p * scale;
    }

    /// <summary>1 / (1 + e^-x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x) => Vector256<float>.One / (Vector256<float>.One + Exp(-x));

    /// <summary>(1 - e^-2|x|) / (1 + e^-2|x|) with the sign of x put back, as System.Numerics.Tensors forms it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        var sign = x & Vector256.Create(-0f);
        var z = Exp(Vector256.Create(-2f) * Vector256.Abs(x)) - Vector256<float>.One;
        return (-z / (z + Vector256.Create(2f))) | sign;
    }
}
