using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// One width of the fast softmax kernels' loops over context elements: 16 lanes (AVX-512), 8 lanes, or 1 (the rest),
/// so that one loop body, compiled once per width, serves all three.
/// </summary>
internal unsafe interface ISoftmaxLanes<TVec>
    where TVec : struct
{
    /// <summary>Context elements per vector.</summary>
    static abstract int Width { get; }

    static abstract TVec Load(float* source);

    static abstract void Store(TVec value, float* destination);

    static abstract TVec Broadcast(float value);

    /// <summary>The larger of each pair of lanes; which one a NaN gives is the processor's choice (one instruction, where
    /// the IEEE maximum takes three in a chain that the maximum over C positions waits on).</summary>
    static abstract TVec Max(TVec left, TVec right);

    static abstract TVec Add(TVec left, TVec right);

    static abstract TVec Subtract(TVec left, TVec right);

    static abstract TVec Multiply(TVec left, TVec right);

    static abstract TVec Reciprocal(TVec value);

    static abstract TVec FusedMultiplyAdd(TVec left, TVec right, TVec addend);

    /// <summary>e^exponent, or zero where the exponent is below <paramref name="cutoff"/> (<see cref="NegligibleWeights"/>).</summary>
    static abstract TVec Weight(TVec exponent, TVec cutoff);

    /// <summary>The sum of the lanes.</summary>
    static abstract float Sum(TVec value);
}

/// <summary>The widths the fast softmax kernels can run, widest first.</summary>
internal static class SoftmaxLanes
{
    /// <summary>The widest the processor runs: 16 where it has AVX-512, else 8 where 256-bit vectors are accelerated, else 1.</summary>
    public static int Widest => Avx512F.IsSupported ? 16 : Vector256.IsHardwareAccelerated ? 8 : 1;
}

/// <summary>16 lanes.</summary>
internal unsafe struct WideSoftmaxLanes : ISoftmaxLanes<Vector512<float>>
{
    public static int Width => 16;

    public static Vector512<float> Load(float* source) => Vector512.Load(source);

    public static void Store(Vector512<float> value, float* destination) => value.Store(destination);

    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    public static Vector512<float> Max(Vector512<float> left, Vector512<float> right) => Vector512.MaxNative(left, right);

    public static Vector512<float> Add(Vector512<float> left, Vector512<float> right) => left + right;

    public static Vector512<float> Subtract(Vector512<float> left, Vector512<float> right) => left - right;

    public static Vector512<float> Multiply(Vector512<float> left, Vector512<float> right) => left * right;

    public static Vector512<float> Reciprocal(Vector512<float> value) => Vector512<float>.One / value;

    public static Vector512<float> FusedMultiplyAdd(Vector512<float> left, Vector512<float> right, Vector512<float> addend) =>
        Vector512.FusedMultiplyAdd(left, right, addend);

    /// <remarks>
    /// Where AVX-512 runs, <see cref="VectorActivations.Exp(Vector512{float})"/>'s reduction and polynomial without its
    /// clamps (the exponent is never above 0, and lanes far enough below 0 to need the lower clamp are zeroed), and the
    /// power of two applied by one scale instruction instead of conversion, shift and multiply: the same value for
    /// every lane kept, in 13 instructions instead of 22.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Weight(Vector512<float> exponent, Vector512<float> cutoff)
    {
        var kept = Vector512.GreaterThanOrEqual(exponent, cutoff);
        if (!Avx512F.IsSupported)
        {
            return VectorActivations.Exp(exponent) & kept;
        }

        var n = Vector512.Round(exponent * Vector512.Create(1.44269504088896341f));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-0.693359375f), exponent);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(2.12194440e-4f), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(1.9875691500e-4f), r, Vector512.Create(1.3981999507e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894e-2f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459e-1f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201e-1f));
        p = Vector512.FusedMultiplyAdd(p, r * r, r + Vector512<float>.One);
        return Avx512F.BlendVariable(Vector512<float>.Zero, Avx512F.Scale(p, n), kept);
    }

    public static float Sum(Vector512<float> value) => Vector512.Sum(value);
}

/// <summary>8 lanes.</summary>
internal unsafe struct NarrowSoftmaxLanes : ISoftmaxLanes<Vector256<float>>
{
    public static int Width => 8;

    public static Vector256<float> Load(float* source) => Vector256.Load(source);

    public static void Store(Vector256<float> value, float* destination) => value.Store(destination);

    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    public static Vector256<float> Max(Vector256<float> left, Vector256<float> right) => Vector256.MaxNative(left, right);

    public static Vector256<float> Add(Vector256<float> left, Vector256<float> right) => left + right;

    public static Vector256<float> Subtract(Vector256<float> left, Vector256<float> right) => left - right;

    public static Vector256<float> Multiply(Vector256<float> left, Vector256<float> right) => left * right;

    public static Vector256<float> Reciprocal(Vector256<float> value) => Vector256<float>.One / value;

    public static Vector256<float> FusedMultiplyAdd(Vector256<float> left, Vector256<float> right, Vector256<float> addend) =>
        Vector256.FusedMultiplyAdd(left, right, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Weight(Vector256<float> exponent, Vector256<float> cutoff) =>
        VectorActivations.Exp(exponent) & Vector256.GreaterThanOrEqual(exponent, cutoff);

    public static float Sum(Vector256<float> value) => Vector256.Sum(value);
}

/// <summary>One lane: the context elements left over after the vectors.</summary>
internal unsafe struct ScalarSoftmaxLanes : ISoftmaxLanes<float>
{
    public static int Width => 1;

    public static float Load(float* source) => *source;

    public static void Store(float value, float* destination) => *destination = value;

    public static float Broadcast(float value) => value;

    public static float Max(float left, float right) => MathF.Max(left, right);

    public static float Add(float left, float right) => left + right;

    public static float Subtract(float left, float right) => left - right;

    public static float Multiply(float left, float right) => left * right;

    public static float Reciprocal(float value) => 1f / value;

    public static float FusedMultiplyAdd(float left, float right, float addend) => MathF.FusedMultiplyAdd(left, right, addend);

    public static float Weight(float exponent, float cutoff) => exponent >= cutoff ? MathF.Exp(exponent) : 0f;

    public static float Sum(float value) => value;
}
