using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// Single-precision matrix product for the small shapes of recurrent modules:
/// C[i, j] (+)= sum_p A[i * aRowStride + p * aColStride] * B[p * ldb + j], or C[i, j] = bias[j] + sum_p ... when a bias
/// is given (the accumulators start from it: no copy of the bias into every row first).
/// A is read element by element with any strides (so A or A-transposed both work), B row-major. The columns go in
/// panels of 32 (two 16-wide vectors, AVX-512) with a rest of more than 8 as 16-wide vectors, the last masked, else in
/// panels of 16, 8 and a masked 8-wide rest; the rows of every panel in blocks of up to
/// eight (six on AVX2, which has 16 vector registers) of near-equal size, each A element broadcast against the
/// panel's vectors of B. Equal blocks matter at the batch shards of small models: 25 rows go as near-equal blocks (7, 6,
/// 6, 6 with AVX-512), where blocks of four would leave a lone row that costs as much as a block (5 rows: one block). Every C element is one
/// chain of fused multiply-adds in the order of p whatever the blocking, so the blocking never changes a result.
/// </summary>
internal static unsafe class Gemm
{
    /// <summary>
    /// Whether 32-column panels of 16-wide vectors are used; a field so benchmarks can compare both widths in one run.
    /// Wherever AVX-512 exists, even where the runtime does not prefer 512-bit vectors for fear of lower clocks: the
    /// products made whole training steps 1.3-1.5x faster on such a Xeon (train-step --compare other-vector-width, quiet machine).
    /// </summary>
    internal static bool UseVector512 = Avx512F.IsSupported;

    /// <summary>How the rows of a panel are split into register blocks; a field so benchmarks can compare both in one run.</summary>
    internal static GemmRowBlocking RowBlocking = GemmRowBlocking.Balanced;

    /// <summary>Rows of B per pass: a 32-column panel of 128 rows is 16 KiB, so it stays in L1 while every row block uses it.</summary>
    private const int InnerChunk = 128;

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
        bool accumulate,
        ReadOnlySpan<float> bias = default)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        fixed (float* pbias = bias)
        {
            Run(m, n, k, pa, aRowStride, aColStride, pb, ldb, pc, ldc, accumulate, bias.IsEmpty ? null : pbias);
        }
    }

    public static void Run(
        int m, int n, int k,
        float* a, int ars, int acs,
        float* b, int ldb,
        float* c, int ldc,
        bool accumulate,
        float* bias = null)
    {
        if (CountFlops)
        {
            Interlocked.Add(ref s_countedFlops, 2L * m * n * k);
        }

        // Columns in panels (outer), so a panel of B is reused from L1 by every row block; the inner dimension in
        // chunks, so a panel of one chunk fits there. Continuing a chunk from the stored C adds in the same order.
        var panel = UseVector512 ? 32 : 16;
        var p = 0;
        do
        {
            var chunk = Math.Min(InnerChunk, k - p);
            var add = accumulate || p > 0;
            var ap = a + (p * acs);
            var bp = b + (p * ldb);
            var j = 0;
            for (; j + panel <= n; j += panel)
            {
                RowBlocks(m, panel, chunk, ap, ars, acs, bp + j, ldb, c + j, ldc, add, Offset(bias, j));
            }

            if (j < n)
            {
                RowBlocks(m, n - j, chunk, ap, ars, acs, bp + j, ldb, c + j, ldc, add, Offset(bias, j));
            }

            p += InnerChunk;
        }
        while (p < k); // once at least: k = 0 still writes zeros when not accumulating
    }

    private static float* Offset(float* bias, int j) => bias == null ? null : bias + j;

    /// <summary>Columns [0, n) of all m rows, in register blocks of rows.</summary>
    private static void RowBlocks(int m, int n, int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias)
    {
        var maxRows = UseVector512 ? 8 : 6;
        var i = 0;
        while (i < m)
        {
            var rows = RowBlocking == GemmRowBlocking.Balanced ? BalancedBlock(m - i, maxRows) : Math.Min(m - i, 4) is 4 ? 4 : 1;
            Block(rows, n, k, a + (i * ars), ars, acs, b, ldb, c + (i * ldc), ldc, accumulate, bias);
            i += rows;
        }
    }

    /// <summary>Rows of the next block when <paramref name="left"/> rows remain: the remaining blocks differ by one row at most.</summary>
    internal static int BalancedBlock(int left, int maxRows)
    {
        var blocks = (left + maxRows - 1) / maxRows;
        return (left + blocks - 1) / blocks;
    }

    /// <summary>Columns [0, n) of <paramref name="rows"/> rows of C: one panel, or the panels and tail of the last columns.</summary>
    private static void Block(int rows, int n, int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias)
    {
        switch (rows)
        {
            case 1: Block<N1>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 2: Block<N2>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 3: Block<N3>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 4: Block<N4>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 5: Block<N5>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 6: Block<N6>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 7: Block<N7>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            default: Block<N8>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block<TRows>(int n, int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias)
        where TRows : struct, ICount
    {
        var j = 0;
        if (UseVector512)
        {
            for (; j + 32 <= n; j += 32)
            {
                Panel<TRows, N2, Wide, Vector512<float>>(k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate, Offset(bias, j), default, default);
            }

            // A rest of more than 8 columns as one or two 16-wide vectors, the last masked: 50 columns take 4 vectors
            // per row instead of 5 (those products ran 1.12x faster); a rest of 8 or fewer goes as 8-wide vectors below.
            var rest = n - j;
            if (rest > 16)
            {
                Panel<TRows, N2, WideMasked, Vector512<float>>(k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate, Offset(bias, j), Vector512<float>.AllBitsSet, WideMask(rest - 16));
                return;
            }

            if (rest > 8)
            {
                Panel<TRows, N1, WideMasked, Vector512<float>>(k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate, Offset(bias, j), WideMask(rest), default);
                return;
            }
        }

        for (; j + 16 <= n; j += 16)
        {
            Panel<TRows, N2, Narrow, Vector256<float>>(k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate, Offset(bias, j), default, default);
        }

        for (; j + 8 <= n; j += 8)
        {
            Panel<TRows, N1, Narrow, Vector256<float>>(k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate, Offset(bias, j), default, default);
        }

        if (j < n)
        {
            Tail<TRows>(n - j, k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate, Offset(bias, j));
        }
    }

    /// <summary>
    /// Rows x (vectors per row x vector width) columns of C: the accumulators start from C, the bias or zero, then one
    /// fused multiply-add per row, vector and p. Every row count, vector count and vector kind is its own instantiation,
    /// so the JIT sees straight-line code with the accumulators in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Panel<TRows, TVectors, TOps, TVector>(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias, TVector mask0, TVector mask1)
        where TRows : struct, ICount
        where TVectors : struct, ICount
        where TOps : struct, IVectorOps<TVector>
        where TVector : struct
    {
        var w = TOps.Width;
        TVector c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        if (accumulate)
        {
            c00 = TOps.Load(c, mask0); if (TVectors.Value > 1) { c01 = TOps.Load(c + w, mask1); }
            if (TRows.Value > 1) { c10 = TOps.Load(c + ldc, mask0); if (TVectors.Value > 1) { c11 = TOps.Load(c + ldc + w, mask1); } }
            if (TRows.Value > 2) { c20 = TOps.Load(c + (2 * ldc), mask0); if (TVectors.Value > 1) { c21 = TOps.Load(c + (2 * ldc) + w, mask1); } }
            if (TRows.Value > 3) { c30 = TOps.Load(c + (3 * ldc), mask0); if (TVectors.Value > 1) { c31 = TOps.Load(c + (3 * ldc) + w, mask1); } }
            if (TRows.Value > 4) { c40 = TOps.Load(c + (4 * ldc), mask0); if (TVectors.Value > 1) { c41 = TOps.Load(c + (4 * ldc) + w, mask1); } }
            if (TRows.Value > 5) { c50 = TOps.Load(c + (5 * ldc), mask0); if (TVectors.Value > 1) { c51 = TOps.Load(c + (5 * ldc) + w, mask1); } }
            if (TRows.Value > 6) { c60 = TOps.Load(c + (6 * ldc), mask0); if (TVectors.Value > 1) { c61 = TOps.Load(c + (6 * ldc) + w, mask1); } }
            if (TRows.Value > 7) { c70 = TOps.Load(c + (7 * ldc), mask0); if (TVectors.Value > 1) { c71 = TOps.Load(c + (7 * ldc) + w, mask1); } }
        }
        else if (bias != null)
        {
            var bias0 = TOps.Load(bias, mask0);
            var bias1 = TVectors.Value > 1 ? TOps.Load(bias + w, mask1) : default;
            c00 = bias0; c01 = bias1;
            if (TRows.Value > 1) { c10 = bias0; c11 = bias1; }
            if (TRows.Value > 2) { c20 = bias0; c21 = bias1; }
            if (TRows.Value > 3) { c30 = bias0; c31 = bias1; }
            if (TRows.Value > 4) { c40 = bias0; c41 = bias1; }
            if (TRows.Value > 5) { c50 = bias0; c51 = bias1; }
            if (TRows.Value > 6) { c60 = bias0; c61 = bias1; }
            if (TRows.Value > 7) { c70 = bias0; c71 = bias1; }
        }

        for (var p = 0; p < k; p++)
        {
            var bp = b + (p * ldb);
            var b0 = TOps.Load(bp, mask0);
            var b1 = TVectors.Value > 1 ? TOps.Load(bp + w, mask1) : default;
            var ap = a + (p * acs);
            { var x = TOps.Broadcast(ap[0]); c00 = TOps.Fma(x, b0, c00); if (TVectors.Value > 1) { c01 = TOps.Fma(x, b1, c01); } }
            if (TRows.Value > 1) { var x = TOps.Broadcast(ap[ars]); c10 = TOps.Fma(x, b0, c10); if (TVectors.Value > 1) { c11 = TOps.Fma(x, b1, c11); } }
            if (TRows.Value > 2) { var x = TOps.Broadcast(ap[2 * ars]); c20 = TOps.Fma(x, b0, c20); if (TVectors.Value > 1) { c21 = TOps.Fma(x, b1, c21); } }
            if (TRows.Value > 3) { var x = TOps.Broadcast(ap[3 * ars]); c30 = TOps.Fma(x, b0, c30); if (TVectors.Value > 1) { c31 = TOps.Fma(x, b1, c31); } }
            if (TRows.Value > 4) { var x = TOps.Broadcast(ap[4 * ars]); c40 = TOps.Fma(x, b0, c40); if (TVectors.Value > 1) { c41 = TOps.Fma(x, b1, c41); } }
            if (TRows.Value > 5) { var x = TOps.Broadcast(ap[5 * ars]); c50 = TOps.Fma(x, b0, c50); if (TVectors.Value > 1) { c51 = TOps.Fma(x, b1, c51); } }
            if (TRows.Value > 6) { var x = TOps.Broadcast(ap[6 * ars]); c60 = TOps.Fma(x, b0, c60); if (TVectors.Value > 1) { c61 = TOps.Fma(x, b1, c61); } }
            if (TRows.Value > 7) { var x = TOps.Broadcast(ap[7 * ars]); c70 = TOps.Fma(x, b0, c70); if (TVectors.Value > 1) { c71 = TOps.Fma(x, b1, c71); } }
        }

        TOps.Store(c, c00, mask0); if (TVectors.Value > 1) { TOps.Store(c + w, c01, mask1); }
        if (TRows.Value > 1) { TOps.Store(c + ldc, c10, mask0); if (TVectors.Value > 1) { TOps.Store(c + ldc + w, c11, mask1); } }
        if (TRows.Value > 2) { TOps.Store(c + (2 * ldc), c20, mask0); if (TVectors.Value > 1) { TOps.Store(c + (2 * ldc) + w, c21, mask1); } }
        if (TRows.Value > 3) { TOps.Store(c + (3 * ldc), c30, mask0); if (TVectors.Value > 1) { TOps.Store(c + (3 * ldc) + w, c31, mask1); } }
        if (TRows.Value > 4) { TOps.Store(c + (4 * ldc), c40, mask0); if (TVectors.Value > 1) { TOps.Store(c + (4 * ldc) + w, c41, mask1); } }
        if (TRows.Value > 5) { TOps.Store(c + (5 * ldc), c50, mask0); if (TVectors.Value > 1) { TOps.Store(c + (5 * ldc) + w, c51, mask1); } }
        if (TRows.Value > 6) { TOps.Store(c + (6 * ldc), c60, mask0); if (TVectors.Value > 1) { TOps.Store(c + (6 * ldc) + w, c61, mask1); } }
        if (TRows.Value > 7) { TOps.Store(c + (7 * ldc), c70, mask0); if (TVectors.Value > 1) { TOps.Store(c + (7 * ldc) + w, c71, mask1); } }
    }

    /// <summary>The first <paramref name="lanes"/> of 16 lanes set.</summary>
    private static Vector512<float> WideMask(int lanes) =>
        Vector512.LessThan(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create(lanes)).AsSingle();

    /// <summary>The first <paramref name="lanes"/> of 8 lanes set.</summary>
    private static Vector256<float> NarrowMask(int lanes) =>
        Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(lanes)).AsSingle();

    private static void Tail<TRows>(int n, int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias)
        where TRows : struct, ICount
    {
        if (Avx.IsSupported)
        {
            // A few columns computed one at a time would cost a third of a small-batch model's time. Masked-off
            // lanes are never touched, so reading past the end of B is safe.
            Panel<TRows, N1, NarrowMasked, Vector256<float>>(k, a, ars, acs, b, ldb, c, ldc, accumulate, bias, NarrowMask(n), default);
            return;
        }

        for (var i = 0; i < TRows.Value; i++)
        {
            var ai = a + (i * ars);
            var ci = c + (i * ldc);
            for (var j = 0; j < n; j++)
            {
                var sum = accumulate ? ci[j] : bias != null ? bias[j] : 0f;
                for (var p = 0; p < k; p++)
                {
                    sum = MathF.FusedMultiplyAdd(ai[p * acs], b[(p * ldb) + j], sum);
                }

                ci[j] = sum;
            }
        }
    }

    /// <summary>A count known when a kernel is compiled (rows of a block, vectors per row), so each gets its own straight-line code.</summary>
    private interface ICount
    {
        static abstract int Value { get; }
    }

    /// <summary>Loads, stores and arithmetic of one kind of vector, so one kernel serves every width.</summary>
    private interface IVectorOps<TVector>
        where TVector : struct
    {
        /// <summary>Floats per vector.</summary>
        static abstract int Width { get; }

        static abstract TVector Load(float* p, TVector mask);

        static abstract void Store(float* p, TVector value, TVector mask);

        static abstract TVector Broadcast(float x);

        static abstract TVector Fma(TVector a, TVector b, TVector c);
    }

    private struct N1 : ICount { public static int Value => 1; }

    private struct N2 : ICount { public static int Value => 2; }

    private struct N3 : ICount { public static int Value => 3; }

    private struct N4 : ICount { public static int Value => 4; }

    private struct N5 : ICount { public static int Value => 5; }

    private struct N6 : ICount { public static int Value => 6; }

    private struct N7 : ICount { public static int Value => 7; }

    private struct N8 : ICount { public static int Value => 8; }

    /// <summary>16-wide AVX-512 vectors (the mask is unused).</summary>
    private struct Wide : IVectorOps<Vector512<float>>
    {
        public static int Width => 16;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Load(float* p, Vector512<float> mask) => Vector512.Load(p);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(float* p, Vector512<float> value, Vector512<float> mask) => value.Store(p);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Broadcast(float x) => Vector512.Create(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);
    }

    /// <summary>16-wide AVX-512 vectors whose masked-off lanes are neither read nor written.</summary>
    private struct WideMasked : IVectorOps<Vector512<float>>
    {
        public static int Width => 16;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Load(float* p, Vector512<float> mask) => Avx512F.MaskLoad(p, mask, Vector512<float>.Zero);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(float* p, Vector512<float> value, Vector512<float> mask) => Avx512F.MaskStore(p, mask, value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Broadcast(float x) => Vector512.Create(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);
    }

    /// <summary>8-wide vectors (the mask is unused).</summary>
    private struct Narrow : IVectorOps<Vector256<float>>
    {
        public static int Width => 8;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Load(float* p, Vector256<float> mask) => Vector256.Load(p);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(float* p, Vector256<float> value, Vector256<float> mask) => value.Store(p);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Broadcast(float x) => Vector256.Create(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);
    }

    /// <summary>8-wide vectors whose masked-off lanes are neither read nor written.</summary>
    private struct NarrowMasked : IVectorOps<Vector256<float>>
    {
        public static int Width => 8;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Load(float* p, Vector256<float> mask) => Avx.MaskLoad(p, mask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(float* p, Vector256<float> value, Vector256<float> mask) => Avx.MaskStore(p, mask, value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Broadcast(float x) => Vector256.Create(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);
    }
}
