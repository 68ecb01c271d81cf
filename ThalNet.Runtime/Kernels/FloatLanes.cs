using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The arithmetic of one width of float vector, so that a kernel written once over <typeparamref name="TVector"/> runs
/// 16, 8 or 1 lanes wide (the compiler specialises it for each struct that implements this, with no calls left).
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

    static abstract TVector Divide(TVector a, TVector b);

    /// <summary>a b + c, rounded once.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>c - a b, rounded once.</summary>
    static abstract TVector NegatedMultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>The processor's maximum (not IEEE maxNum, which takes several instructions).</summary>
    static abstract TVector Max(TVector a, TVector b);

    /// <summary>Round to the nearest whole number, ties to even.</summary>
    static abstract TVector Round(TVector x);

    /// <summary>p 2^n for whole numbers n with 2^n a normal float (exact).</summary>
    static abstract TVector TimesPowerOfTwo(TVector p, TVector n);

    /// <summary><paramref name="value"/> where <paramref name="x"/> &gt;= <paramref name="bound"/>, else zero.</summary>
    static abstract TVector ZeroBelow(TVector value, TVector x, TVector bound);

    /// <summary>
    /// The sums of <see cref="Count"/> rows of <see cref="Count"/> floats each (row r at rows + r Count), one row's sum
    /// per lane: a few horizontal adds for all the rows instead of a reduction per row.
    /// </summary>
    static abstract TVector RowSums(float* rows);

    /// <summary>The sum of the lanes.</summary>
    static abstract float Sum(TVector a);
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

    public static Vector256<float> Divide(Vector256<float> a, Vector256<float> b) => a / b;

    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);

    public static Vector256<float> NegatedMultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAddNegated(a, b, c) : c - (a * b);

    public static Vector256<float> Max(Vector256<float> a, Vector256<float> b) => Vector256.MaxNative(a, b);

    public static Vector256<float> Round(Vector256<float> x) => Vector256.Round(x);

    /// <summary>2^n built in the exponent bits (n is whole and in range, so the processor's own conversion is exact).</summary>
    public static Vector256<float> TimesPowerOfTwo(Vector256<float> p, Vector256<float> n) =>
        p * ((Vector256.ConvertToInt32Native(n) + Vector256.Create(127)) << 23).AsSingle();

    public static Vector256<float> ZeroBelow(Vector256<float> value, Vector256<float> x, Vector256<float> bound) =>
        value & Vector256.GreaterThanOrEqual(x, bound);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> RowSums(float* rows) =>
        RowSums(Load(rows), Load(rows + 8), Load(rows + 16), Load(rows + 24), Load(rows + 32), Load(rows + 40), Load(rows + 48), Load(rows + 56));

    /// <summary>Halves added first: Vector256.Sum reduces each 128-bit half on its own.</summary>
    public static float Sum(Vector256<float> a) => Vector128.Sum(a.GetLower() + a.GetUpper());

    /// <summary>
    /// [sum(r0), ..., sum(r7)]: horizontal adds of pairs give each row's sums of 4 in both halves
    /// ([r0 r1 r2 r3 | r0 r1 r2 r3] and the same for r4-r7), and the halves are added crosswise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> RowSums(Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3,
        Vector256<float> r4, Vector256<float> r5, Vector256<float> r6, Vector256<float> r7)
    {
        if (!Avx.IsSupported)
        {
            return Vector256.Create(Vector256.Sum(r0), Vector256.Sum(r1), Vector256.Sum(r2), Vector256.Sum(r3),
                Vector256.Sum(r4), Vector256.Sum(r5), Vector256.Sum(r6), Vector256.Sum(r7));
        }

        var low = Avx.HorizontalAdd(Avx.HorizontalAdd(r0, r1), Avx.HorizontalAdd(r2, r3));
        var high = Avx.HorizontalAdd(Avx.HorizontalAdd(r4, r5), Avx.HorizontalAdd(r6, r7));
        return Avx.Permute2x128(low, high, 0x20) + Avx.Permute2x128(low, high, 0x31);
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

    public static Vector512<float> Divide(Vector512<float> a, Vector512<float> b) => a / b;

    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);

    public static Vector512<float> NegatedMultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAddNegated(a, b, c) : c - (a * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Max(Vector512<float> a, Vector512<float> b) => Vector512.MaxNative(a, b);

    public static Vector512<float> Round(Vector512<float> x) => Vector512.Round(x);

    /// <summary>One scale instruction where the processor has AVX-512.</summary>
    public static Vector512<float> TimesPowerOfTwo(Vector512<float> p, Vector512<float> n) =>
        Avx512F.IsSupported ? Avx512F.Scale(p, n) : p * ((Vector512.ConvertToInt32Native(n) + Vector512.Create(127)) << 23).AsSingle();

    /// <summary>A select, which the compiler folds into the zeroing mask of the instruction that made the value.</summary>
    public static Vector512<float> ZeroBelow(Vector512<float> value, Vector512<float> x, Vector512<float> bound) =>
        Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, bound), value, Vector512<float>.Zero);

    /// <summary>Each row's two halves added, then <see cref="Lanes256.RowSums(Vector256{float}, Vector256{float},
    /// Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float})"/>
    /// on rows 0-7 and 8-15.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> RowSums(float* rows) =>
        Vector512.Create(Half(rows, 0), Half(rows, 8));

    /// <summary>Halves added first: Vector512.Sum reduces each 128-bit quarter on its own, three times the instructions.</summary>
    public static float Sum(Vector512<float> a) => Lanes256.Sum(a.GetLower() + a.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Half(float* rows, int first) =>
        Lanes256.RowSums(Folded(rows, first), Folded(rows, first + 1), Folded(rows, first + 2), Folded(rows, first + 3),
            Folded(rows, first + 4), Folded(rows, first + 5), Folded(rows, first + 6), Folded(rows, first + 7));

    /// <summary>Row <paramref name="row"/>'s 16 floats as 8: its halves added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Folded(float* rows, int row) => Vector256.Load(rows + (16 * row)) + Vector256.Load(rows + (16 * row) + 8);
}

/// <summary>One lane: the rest of a row after its vectors, or a whole kernel where vectors are not accelerated.</summary>
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

    public static float Divide(float a, float b) => a / b;

    public static float MultiplyAdd(float a, float b, float c) => MathF.FusedMultiplyAdd(a, b, c);

    public static float NegatedMultiplyAdd(float a, float b, float c) => MathF.FusedMultiplyAdd(-a, b, c);

    public static float Max(float a, float b) => a >= b ? a : b;

    public static float Round(float x) => MathF.Round(x);

    /// <summary>2^n built in the exponent bits, as <see cref="Lanes256"/> does (no call left in a kernel).</summary>
    public static float TimesPowerOfTwo(float p, float n) => p * BitConverter.Int32BitsToSingle(((int)n + 127) << 23);

    public static float ZeroBelow(float value, float x, float bound) => x >= bound ? value : 0f;

    public static float RowSums(float* rows) => *rows;

    public static float Sum(float a) => a;
}
