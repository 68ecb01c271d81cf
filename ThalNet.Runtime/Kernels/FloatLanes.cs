using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The arithmetic of one width of float vector, so that a kernel written once over <typeparamref name="TVector"/> runs
/// 8 or 16 lanes wide (the compiler specialises it for each struct that implements this, with no calls left).
/// </summary>
/// <typeparam name="TVector">The vector type.</typeparam>
internal unsafe interface IFloatLanes<TVector>
    where TVector : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Count { get; }

    /// <summary>0, 1, 2, ... in the lanes.</summary>
    static abstract TVector Indices { get; }

    static abstract TVector Create(float value);

    static abstract TVector Load(float* p);

    static abstract void Store(float* p, TVector value);

    static abstract TVector Add(TVector a, TVector b);

    static abstract TVector Subtract(TVector a, TVector b);

    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary>a b + c, rounded once.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>c - a b, rounded once.</summary>
    static abstract TVector NegatedMultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>2^x (<see cref="VectorActivations.Exp2NonPositive(Vector256{float})"/>, x &lt;= 0) where
    /// x &gt;= <paramref name="cutoff"/> &gt;= -126, else zero.</summary>
    static abstract TVector Exp2Above(TVector x, TVector cutoff);

    /// <summary>The sums of the lanes of <paramref name="a"/> and of <paramref name="b"/>, reduced together.</summary>
    static abstract (float A, float B) Sums(TVector a, TVector b);

    /// <summary>The sum of the lanes.</summary>
    static abstract float Sum(TVector a);

    /// <summary>The larger of each pair of lanes; which one a NaN gives is the processor's choice (one instruction,
    /// where the IEEE maximum takes three in a chain).</summary>
    static abstract TVector Max(TVector a, TVector b);

    static abstract TVector Divide(TVector a, TVector b);

    /// <summary>e^x (x &lt;= 0) where x &gt;= <paramref name="cutoff"/> &gt;= -87, else zero.</summary>
    static abstract TVector ExpAbove(TVector x, TVector cutoff);
}

/// <summary>8 lanes (AVX2).</summary>
internal readonly unsafe struct Lanes256 : IFloatLanes<Vector256<float>>
{
    public static int Count => 8;

    public static Vector256<float> Indices => Vector256.Create(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f);

    public static Vector256<float> Create(float value) => Vector256.Create(value);

    public static Vector256<float> Load(float* p) => Vector256.Load(p);

    public static void Store(float* p, Vector256<float> value) => value.Store(p);

    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

    public static Vector256<float> Subtract(Vector256<float> a, Vector256<float> b) => a - b;

    public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => a * b;

    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);

    public static Vector256<float> NegatedMultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAddNegated(a, b, c) : c - (a * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp2Above(Vector256<float> x, Vector256<float> cutoff) =>
        VectorActivations.Exp2NonPositive(x) & Vector256.GreaterThanOrEqual(x, cutoff);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (float A, float B) Sums(Vector256<float> a, Vector256<float> b) => PairSums(a.GetLower() + a.GetUpper(), b.GetLower() + b.GetUpper());

    /// <summary>Halves added first: Vector256.Sum reduces each 128-bit half on its own.</summary>
    public static float Sum(Vector256<float> a) => Vector128.Sum(a.GetLower() + a.GetUpper());

    public static Vector256<float> Max(Vector256<float> a, Vector256<float> b) => Vector256.MaxNative(a, b);

    public static Vector256<float> Divide(Vector256<float> a, Vector256<float> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ExpAbove(Vector256<float> x, Vector256<float> cutoff) =>
        VectorActivations.Exp(x) & Vector256.GreaterThanOrEqual(x, cutoff);

    /// <summary>Two horizontal adds reduce both 4-lane vectors at once: [a0+a1, a2+a3, b0+b1, b2+b3], then [a, b, a, b].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (float A, float B) PairSums(Vector128<float> a, Vector128<float> b)
    {
        if (!Sse3.IsSupported)
        {
            return (Vector128.Sum(a), Vector128.Sum(b));
        }

        var pairs = Sse3.HorizontalAdd(a, b);
        var sums = Sse3.HorizontalAdd(pairs, pairs);
        return (sums.ToScalar(), sums.GetElement(1));
    }
}

/// <summary>16 lanes (AVX-512).</summary>
internal readonly unsafe struct Lanes512 : IFloatLanes<Vector512<float>>
{
    public static int Count => 16;

    public static Vector512<float> Indices => Vector512.Create(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f, 13f, 14f, 15f);

    public static Vector512<float> Create(float value) => Vector512.Create(value);

    public static Vector512<float> Load(float* p) => Vector512.Load(p);

    public static void Store(float* p, Vector512<float> value) => value.Store(p);

    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

    public static Vector512<float> Subtract(Vector512<float> a, Vector512<float> b) => a - b;

    public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => a * b;

    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);

    public static Vector512<float> NegatedMultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAddNegated(a, b, c) : c - (a * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp2Above(Vector512<float> x, Vector512<float> cutoff) =>
        VectorActivations.Exp2NonPositive(x) & Vector512.GreaterThanOrEqual(x, cutoff);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (float A, float B) Sums(Vector512<float> a, Vector512<float> b)
    {
        var (a8, b8) = (a.GetLower() + a.GetUpper(), b.GetLower() + b.GetUpper());
        return Lanes256.PairSums(a8.GetLower() + a8.GetUpper(), b8.GetLower() + b8.GetUpper());
    }

    /// <summary>Halves added first: Vector512.Sum reduces each 128-bit quarter on its own, three times the instructions.</summary>
    public static float Sum(Vector512<float> a) => Lanes256.Sum(a.GetLower() + a.GetUpper());

    public static Vector512<float> Max(Vector512<float> a, Vector512<float> b) => Vector512.MaxNative(a, b);

    public static Vector512<float> Divide(Vector512<float> a, Vector512<float> b) => a / b;

    /// <remarks>
    /// Where AVX-512 runs, <see cref="VectorActivations.Exp(Vector512{float})"/>'s reduction and polynomial without its
    /// clamps (x is never above 0, and the lanes low enough to need the lower clamp are below the cutoff), the power of
    /// two applied by one scale instruction that also zeroes the lanes below the cutoff: the same value in every lane
    /// kept, in 14 instructions instead of 25.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpAbove(Vector512<float> x, Vector512<float> cutoff)
    {
        var kept = Vector512.GreaterThanOrEqual(x, cutoff);
        if (!Avx512F.IsSupported)
        {
            return VectorActivations.Exp(x) & kept;
        }

        var n = Vector512.Round(x * Vector512.Create(1.44269504088896341f));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-0.693359375f), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(2.12194440e-4f), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(1.9875691500e-4f), r, Vector512.Create(1.3981999507e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894e-2f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459e-1f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201e-1f));
        p = Vector512.FusedMultiplyAdd(p, r * r, r + Vector512<float>.One);
        return Avx512F.BlendVariable(Vector512<float>.Zero, Avx512F.Scale(p, n), kept);
    }
}

/// <summary>One lane: the rest of a row after its vectors, through the same kernel.</summary>
internal readonly unsafe struct Lanes1 : IFloatLanes<float>
{
    public static int Count => 1;

    public static float Indices => 0f;

    public static float Create(float value) => value;

    public static float Load(float* p) => *p;

    public static void Store(float* p, float value) => *p = value;

    public static float Add(float a, float b) => a + b;

    public static float Subtract(float a, float b) => a - b;

    public static float Multiply(float a, float b) => a * b;

    public static float MultiplyAdd(float a, float b, float c) => MathF.FusedMultiplyAdd(a, b, c);

    public static float NegatedMultiplyAdd(float a, float b, float c) => MathF.FusedMultiplyAdd(-a, b, c);

    public static float Exp2Above(float x, float cutoff) => x >= cutoff ? float.Exp2(x) : 0f;

    public static (float A, float B) Sums(float a, float b) => (a, b);

    public static float Sum(float a) => a;

    public static float Max(float a, float b) => MathF.Max(a, b);

    public static float Divide(float a, float b) => a / b;

    public static float ExpAbove(float x, float cutoff) => x >= cutoff ? MathF.Exp(x) : 0f;
}
