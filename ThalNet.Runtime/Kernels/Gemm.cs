using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// Single-precision matrix product for the small shapes of recurrent modules:
/// C[i, j] (+)= sum_p A[i * aRowStride + p * aColStride] * B[p * ldb + j].
/// A is read element by element with any strides (so A or A-transposed both work), B row-major; the register
/// block is 4 rows by 16 columns, each A element broadcast against two 8-wide vectors of B.
/// </summary>
internal static unsafe class Gemm
{
    /// <summary>Whether 4x32 blocks of 16-wide vectors are used; a field so benchmarks can compare both kernels in one run.</summary>
    internal static bool UseVector512 = Vector512.IsHardwareAccelerated;

    private static long s_countedFlops;

    /// <summary>When set, every product adds its 2·m·n·k floating-point operations to <see cref="CountedFlops"/> (benchmarks only).</summary>
    internal static bool CountFlops { get; set; }

    internal static long CountedFlops => Interlocked.Read(ref s_countedFlops);

    internal static void ResetFlopCount() => Interlocked.Exchange(ref s_countedFlops, 0);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(
        int m, int n, int k,
        ReadOnlySpan<float> a, int aRowStride, int aColStride,
        ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc,
        bool accumulate)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            Run(m, n, k, pa, aRowStride, aColStride, pb, ldb, pc, ldc, accumulate);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(
        int m, int n, int k,
        float* a, int ars, int acs,
        float* b, int ldb,
        float* c, int ldc,
        bool accumulate)
    {
        if (CountFlops)
        {
            Interlocked.Add(ref s_countedFlops, 2L * m * n * k);
        }

        var j = 0;
        if (UseVector512)
        {
            for (; j + 32 <= n; j += 32)
            {
                var i = 0;
                for (; i + 4 <= m; i += 4)
                {
                    Block4x32(k, a + (i * ars), ars, acs, b + j, ldb, c + (i * ldc) + j, ldc, accumulate);
                }

                for (; i < m; i++)
                {
                    Block1x16(k, a + (i * ars), acs, b + j, ldb, c + (i * ldc) + j, accumulate);
                    Block1x16(k, a + (i * ars), acs, b + j + 16, ldb, c + (i * ldc) + j + 16, accumulate);
                }
            }
        }

        for (; j + 16 <= n; j += 16)
        {
            var i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Block4x16(k, a + (i * ars), ars, acs, b + j, ldb, c + (i * ldc) + j, ldc, accumulate);
            }

            for (; i < m; i++)
            {
                Block1x16(k, a + (i * ars), acs, b + j, ldb, c + (i * ldc) + j, accumulate);
            }
        }

        for (; j + 8 <= n; j += 8)
        {
            var i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Block4x8(k, a + (i * ars), ars, acs, b + j, ldb, c + (i * ldc) + j, ldc, accumulate);
            }

            for (; i < m; i++)
            {
                Block1x8(k, a + (i * ars), acs, b + j, ldb, c + (i * ldc) + j, accumulate);
            }
        }

        if (j < n)
        {
            Tail(m, n - j, k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate);
        }
    }

    /// <summary>The AVX-512 block: 4 rows by 32 columns in eight 16-wide accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x32(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31;
        if (accumulate)
        {
            c00 = Vector512.Load(c); c01 = Vector512.Load(c + 16);
            c10 = Vector512.Load(c + ldc); c11 = Vector512.Load(c + ldc + 16);
            c20 = Vector512.Load(c + (2 * ldc)); c21 = Vector512.Load(c + (2 * ldc) + 16);
            c30 = Vector512.Load(c + (3 * ldc)); c31 = Vector512.Load(c + (3 * ldc) + 16);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector512<float>.Zero;
        }

        var a0 = a;
        var a1 = a + ars;
        var a2 = a + (2 * ars);
        var a3 = a + (3 * ars);
        for (var p = 0; p < k; p++)
        {
            var bp = b + (p * ldb);
            var b0 = Vector512.Load(bp);
            var b1 = Vector512.Load(bp + 16);
            var off = p * acs;
            var x = Vector512.Create(a0[off]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a1[off]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a2[off]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a3[off]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
        }

        c00.Store(c); c01.Store(c + 16);
        c10.Store(c + ldc); c11.Store(c + ldc + 16);
        c20.Store(c + (2 * ldc)); c21.Store(c + (2 * ldc) + 16);
        c30.Store(c + (3 * ldc)); c31.Store(c + (3 * ldc) + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x16(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        Vector256<float> c00, c01, c10, c11, c20, c21, c30, c31;
        if (accumulate)
        {
            c00 = Vector256.Load(c); c01 = Vector256.Load(c + 8);
            c10 = Vector256.Load(c + ldc); c11 = Vector256.Load(c + ldc + 8);
            c20 = Vector256.Load(c + (2 * ldc)); c21 = Vector256.Load(c + (2 * ldc) + 8);
            c30 = Vector256.Load(c + (3 * ldc)); c31 = Vector256.Load(c + (3 * ldc) + 8);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector256<float>.Zero;
        }

        var a0 = a;
        var a1 = a + ars;
        var a2 = a + (2 * ars);
        var a3 = a + (3 * ars);
        for (var p = 0; p < k; p++)
        {
            var bp = b + (p * ldb);
            var b0 = Vector256.Load(bp);
            var b1 = Vector256.Load(bp + 8);
            var off = p * acs;
            var x = Vector256.Create(a0[off]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a1[off]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a2[off]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a3[off]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
        }

        c00.Store(c); c01.Store(c + 8);
        c10.Store(c + ldc); c11.Store(c + ldc + 8);
        c20.Store(c + (2 * ldc)); c21.Store(c + (2 * ldc) + 8);
        c30.Store(c + (3 * ldc)); c31.Store(c + (3 * ldc) + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block1x16(int k, float* a, int acs, float* b, int ldb, float* c, bool accumulate)
    {
        var c0 = accumulate ? Vector256.Load(c) : Vector256<float>.Zero;
        var c1 = accumulate ? Vector256.Load(c + 8) : Vector256<float>.Zero;
        for (var p = 0; p < k; p++)
        {
            var bp = b + (p * ldb);
            var x = Vector256.Create(a[p * acs]);
            c0 = Vector256.FusedMultiplyAdd(x, Vector256.Load(bp), c0);
            c1 = Vector256.FusedMultiplyAdd(x, Vector256.Load(bp + 8), c1);
        }

        c0.Store(c);
        c1.Store(c + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x8(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        Vector256<float> c0, c1, c2, c3;
        if (accumulate)
        {
            c0 = Vector256.Load(c);
            c1 = Vector256.Load(c + ldc);
            c2 = Vector256.Load(c + (2 * ldc));
            c3 = Vector256.Load(c + (3 * ldc));
        }
        else
        {
            c0 = c1 = c2 = c3 = Vector256<float>.Zero;
        }

        for (var p = 0; p < k; p++)
        {
            var bv = Vector256.Load(b + (p * ldb));
            var off = p * acs;
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(a[off]), bv, c0);
            c1 = Vector256.FusedMultiplyAdd(Vector256.Create(a[ars + off]), bv, c1);
            c2 = Vector256.FusedMultiplyAdd(Vector256.Create(a[(2 * ars) + off]), bv, c2);
            c3 = Vector256.FusedMultiplyAdd(Vector256.Create(a[(3 * ars) + off]), bv, c3);
        }

        c0.Store(c);
        c1.Store(c + ldc);
        c2.Store(c + (2 * ldc));
        c3.Store(c + (3 * ldc));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block1x8(int k, float* a, int acs, float* b, int ldb, float* c, bool accumulate)
    {
        var c0 = accumulate ? Vector256.Load(c) : Vector256<float>.Zero;
        for (var p = 0; p < k; p++)
        {
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(a[p * acs]), Vector256.Load(b + (p * ldb)), c0);
        }

        c0.Store(c);
    }

    private static void Tail(int m, int n, int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        if (Avx.IsSupported)
        {
            MaskedTail(m, n, k, a, ars, acs, b, ldb, c, ldc, accumulate);
            return;
        }

        for (var i = 0; i < m; i++)
        {
            var ai = a + (i * ars);
            var ci = c + (i * ldc);
            for (var j = 0; j < n; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                {
                    sum = MathF.FusedMultiplyAdd(ai[p * acs], b[(p * ldb) + j], sum);
                }

                ci[j] = accumulate ? ci[j] + sum : sum;
            }
        }
    }

    /// <summary>
    /// The last n &lt; 8 columns with masked loads and stores (masked-off lanes are never touched, so reading past the
    /// end of B is safe): a few columns computed one at a time would cost a third of a small-batch model's time.
    /// </summary>
    private static void MaskedTail(int m, int n, int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        var mask = Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(n)).AsSingle();
        var i = 0;
        for (; i + 4 <= m; i += 4)
        {
            var a0 = a + (i * ars);
            var a1 = a0 + ars;
            var a2 = a1 + ars;
            var a3 = a2 + ars;
            var c0 = c + (i * ldc);
            var c1 = c0 + ldc;
            var c2 = c1 + ldc;
            var c3 = c2 + ldc;
            Vector256<float> s0, s1, s2, s3;
            if (accumulate)
            {
                s0 = Avx.MaskLoad(c0, mask);
                s1 = Avx.MaskLoad(c1, mask);
                s2 = Avx.MaskLoad(c2, mask);
                s3 = Avx.MaskLoad(c3, mask);
            }
            else
            {
                s0 = s1 = s2 = s3 = Vector256<float>.Zero;
            }

            for (var p = 0; p < k; p++)
            {
                var bv = Avx.MaskLoad(b + (p * ldb), mask);
                var off = p * acs;
                s0 = Vector256.FusedMultiplyAdd(Vector256.Create(a0[off]), bv, s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.Create(a1[off]), bv, s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.Create(a2[off]), bv, s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.Create(a3[off]), bv, s3);
            }

            Avx.MaskStore(c0, mask, s0);
            Avx.MaskStore(c1, mask, s1);
            Avx.MaskStore(c2, mask, s2);
            Avx.MaskStore(c3, mask, s3);
        }

        for (; i < m; i++)
        {
            var ai = a + (i * ars);
            var ci = c + (i * ldc);
            var s = accumulate ? Avx.MaskLoad(ci, mask) : Vector256<float>.Zero;
            for (var p = 0; p < k; p++)
            {
                s = Vector256.FusedMultiplyAdd(Vector256.Create(ai[p * acs]), Avx.MaskLoad(b + (p * ldb), mask), s);
            }

            Avx.MaskStore(ci, mask, s);
        }
    }
}
