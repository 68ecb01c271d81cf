using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// Single-precision matrix product for the small shapes of recurrent modules:
/// C[i, j] (+)= sum_p A[i * aRowStride + p * aColStride] * B[p * ldb + j], or C[i, j] = bias[j] + sum_p ... when a bias
/// is given (the accumulators start from it: no copy of the bias into every row first).
/// A is read element by element with any strides (so A or A-transposed both work), B row-major. The columns go in
/// panels of 32 (two 16-wide vectors, AVX-512), 16, 8 and a masked rest; the rows of every panel in blocks of up to
/// eight (six on AVX2, which has 16 vector registers) of near-equal size, each A element broadcast against the
/// panel's vectors of B. Equal blocks matter at the batch shards of small models: 25 rows used to go as six blocks
/// of four and one lone row that cost as much as a block, 5 rows as a block and a lone row. Every C element is one
/// chain of fused multiply-adds in the order of p whatever the blocking, so the blocking never changes a result.
/// </summary>
internal static unsafe class Gemm
{
    /// <summary>
    /// Whether 32-column panels of 16-wide vectors are used; a field so benchmarks can compare both widths in one run.
    /// Wherever AVX-512 exists, even where the runtime does not prefer 512-bit vectors for fear of lower clocks: the
    /// products measured 1.18-1.25x faster whole training steps with them on such a Xeon (train-step --compare other-vector-width).
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
            case 1: Block<Rows1>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 2: Block<Rows2>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 3: Block<Rows3>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 4: Block<Rows4>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 5: Block<Rows5>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 6: Block<Rows6>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            case 7: Block<Rows7>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
            default: Block<Rows8>(n, k, a, ars, acs, b, ldb, c, ldc, accumulate, bias); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block<TRows>(int n, int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias)
        where TRows : struct, IRowCount
    {
        var j = 0;
        if (UseVector512)
        {
            for (; j + 32 <= n; j += 32)
            {
                Panel32<TRows>(k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate, Offset(bias, j));
            }
        }

        for (; j + 16 <= n; j += 16)
        {
            Panel16<TRows>(k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate, Offset(bias, j));
        }

        for (; j + 8 <= n; j += 8)
        {
            Panel8<TRows>(k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate, Offset(bias, j));
        }

        if (j < n)
        {
            Tail<TRows>(n - j, k, a, ars, acs, b + j, ldb, c + j, ldc, accumulate, Offset(bias, j));
        }
    }

    /// <summary>Rows x 32 columns in two 16-wide vectors per row (AVX-512).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Panel32<TRows>(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias)
        where TRows : struct, IRowCount
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        if (accumulate)
        {
            c00 = Vector512.Load(c); c01 = Vector512.Load(c + 16);
            if (TRows.Rows > 1) { c10 = Vector512.Load(c + ldc); c11 = Vector512.Load(c + ldc + 16); }
            if (TRows.Rows > 2) { c20 = Vector512.Load(c + (2 * ldc)); c21 = Vector512.Load(c + (2 * ldc) + 16); }
            if (TRows.Rows > 3) { c30 = Vector512.Load(c + (3 * ldc)); c31 = Vector512.Load(c + (3 * ldc) + 16); }
            if (TRows.Rows > 4) { c40 = Vector512.Load(c + (4 * ldc)); c41 = Vector512.Load(c + (4 * ldc) + 16); }
            if (TRows.Rows > 5) { c50 = Vector512.Load(c + (5 * ldc)); c51 = Vector512.Load(c + (5 * ldc) + 16); }
            if (TRows.Rows > 6) { c60 = Vector512.Load(c + (6 * ldc)); c61 = Vector512.Load(c + (6 * ldc) + 16); }
            if (TRows.Rows > 7) { c70 = Vector512.Load(c + (7 * ldc)); c71 = Vector512.Load(c + (7 * ldc) + 16); }
        }
        else if (bias != null)
        {
            var bias0 = Vector512.Load(bias);
            var bias1 = Vector512.Load(bias + 16);
            c00 = bias0; c01 = bias1;
            if (TRows.Rows > 1) { c10 = bias0; c11 = bias1; }
            if (TRows.Rows > 2) { c20 = bias0; c21 = bias1; }
            if (TRows.Rows > 3) { c30 = bias0; c31 = bias1; }
            if (TRows.Rows > 4) { c40 = bias0; c41 = bias1; }
            if (TRows.Rows > 5) { c50 = bias0; c51 = bias1; }
            if (TRows.Rows > 6) { c60 = bias0; c61 = bias1; }
            if (TRows.Rows > 7) { c70 = bias0; c71 = bias1; }
        }

        for (var p = 0; p < k; p++)
        {
            var bp = b + (p * ldb);
            var b0 = Vector512.Load(bp);
            var b1 = Vector512.Load(bp + 16);
            var ap = a + (p * acs);
            { var x = Vector512.Create(ap[0]); c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01); }
            if (TRows.Rows > 1) { var x = Vector512.Create(ap[ars]); c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11); }
            if (TRows.Rows > 2) { var x = Vector512.Create(ap[2 * ars]); c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21); }
            if (TRows.Rows > 3) { var x = Vector512.Create(ap[3 * ars]); c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31); }
            if (TRows.Rows > 4) { var x = Vector512.Create(ap[4 * ars]); c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41); }
            if (TRows.Rows > 5) { var x = Vector512.Create(ap[5 * ars]); c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51); }
            if (TRows.Rows > 6) { var x = Vector512.Create(ap[6 * ars]); c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61); }
            if (TRows.Rows > 7) { var x = Vector512.Create(ap[7 * ars]); c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71); }
        }

        c00.Store(c); c01.Store(c + 16);
        if (TRows.Rows > 1) { c10.Store(c + ldc); c11.Store(c + ldc + 16); }
        if (TRows.Rows > 2) { c20.Store(c + (2 * ldc)); c21.Store(c + (2 * ldc) + 16); }
        if (TRows.Rows > 3) { c30.Store(c + (3 * ldc)); c31.Store(c + (3 * ldc) + 16); }
        if (TRows.Rows > 4) { c40.Store(c + (4 * ldc)); c41.Store(c + (4 * ldc) + 16); }
        if (TRows.Rows > 5) { c50.Store(c + (5 * ldc)); c51.Store(c + (5 * ldc) + 16); }
        if (TRows.Rows > 6) { c60.Store(c + (6 * ldc)); c61.Store(c + (6 * ldc) + 16); }
        if (TRows.Rows > 7) { c70.Store(c + (7 * ldc)); c71.Store(c + (7 * ldc) + 16); }
    }

    /// <summary>Rows x 16 columns in two 8-wide vectors per row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Panel16<TRows>(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias)
        where TRows : struct, IRowCount
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        if (accumulate)
        {
            c00 = Vector256.Load(c); c01 = Vector256.Load(c + 8);
            if (TRows.Rows > 1) { c10 = Vector256.Load(c + ldc); c11 = Vector256.Load(c + ldc + 8); }
            if (TRows.Rows > 2) { c20 = Vector256.Load(c + (2 * ldc)); c21 = Vector256.Load(c + (2 * ldc) + 8); }
            if (TRows.Rows > 3) { c30 = Vector256.Load(c + (3 * ldc)); c31 = Vector256.Load(c + (3 * ldc) + 8); }
            if (TRows.Rows > 4) { c40 = Vector256.Load(c + (4 * ldc)); c41 = Vector256.Load(c + (4 * ldc) + 8); }
            if (TRows.Rows > 5) { c50 = Vector256.Load(c + (5 * ldc)); c51 = Vector256.Load(c + (5 * ldc) + 8); }
            if (TRows.Rows > 6) { c60 = Vector256.Load(c + (6 * ldc)); c61 = Vector256.Load(c + (6 * ldc) + 8); }
            if (TRows.Rows > 7) { c70 = Vector256.Load(c + (7 * ldc)); c71 = Vector256.Load(c + (7 * ldc) + 8); }
        }
        else if (bias != null)
        {
            var bias0 = Vector256.Load(bias);
            var bias1 = Vector256.Load(bias + 8);
            c00 = bias0; c01 = bias1;
            if (TRows.Rows > 1) { c10 = bias0; c11 = bias1; }
            if (TRows.Rows > 2) { c20 = bias0; c21 = bias1; }
            if (TRows.Rows > 3) { c30 = bias0; c31 = bias1; }
            if (TRows.Rows > 4) { c40 = bias0; c41 = bias1; }
            if (TRows.Rows > 5) { c50 = bias0; c51 = bias1; }
            if (TRows.Rows > 6) { c60 = bias0; c61 = bias1; }
            if (TRows.Rows > 7) { c70 = bias0; c71 = bias1; }
        }

        for (var p = 0; p < k; p++)
        {
            var bp = b + (p * ldb);
            var b0 = Vector256.Load(bp);
            var b1 = Vector256.Load(bp + 8);
            var ap = a + (p * acs);
            { var x = Vector256.Create(ap[0]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01); }
            if (TRows.Rows > 1) { var x = Vector256.Create(ap[ars]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11); }
            if (TRows.Rows > 2) { var x = Vector256.Create(ap[2 * ars]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21); }
            if (TRows.Rows > 3) { var x = Vector256.Create(ap[3 * ars]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31); }
            if (TRows.Rows > 4) { var x = Vector256.Create(ap[4 * ars]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41); }
            if (TRows.Rows > 5) { var x = Vector256.Create(ap[5 * ars]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51); }
            if (TRows.Rows > 6) { var x = Vector256.Create(ap[6 * ars]); c60 = Vector256.FusedMultiplyAdd(x, b0, c60); c61 = Vector256.FusedMultiplyAdd(x, b1, c61); }
            if (TRows.Rows > 7) { var x = Vector256.Create(ap[7 * ars]); c70 = Vector256.FusedMultiplyAdd(x, b0, c70); c71 = Vector256.FusedMultiplyAdd(x, b1, c71); }
        }

        c00.Store(c); c01.Store(c + 8);
        if (TRows.Rows > 1) { c10.Store(c + ldc); c11.Store(c + ldc + 8); }
        if (TRows.Rows > 2) { c20.Store(c + (2 * ldc)); c21.Store(c + (2 * ldc) + 8); }
        if (TRows.Rows > 3) { c30.Store(c + (3 * ldc)); c31.Store(c + (3 * ldc) + 8); }
        if (TRows.Rows > 4) { c40.Store(c + (4 * ldc)); c41.Store(c + (4 * ldc) + 8); }
        if (TRows.Rows > 5) { c50.Store(c + (5 * ldc)); c51.Store(c + (5 * ldc) + 8); }
        if (TRows.Rows > 6) { c60.Store(c + (6 * ldc)); c61.Store(c + (6 * ldc) + 8); }
        if (TRows.Rows > 7) { c70.Store(c + (7 * ldc)); c71.Store(c + (7 * ldc) + 8); }
    }

    /// <summary>Rows x 8 columns in one 8-wide vector per row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Panel8<TRows>(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias)
        where TRows : struct, IRowCount
    {
        Vector256<float> c00 = default, c10 = default, c20 = default, c30 = default, c40 = default, c50 = default, c60 = default, c70 = default;
        if (accumulate)
        {
            c00 = Vector256.Load(c);
            if (TRows.Rows > 1) { c10 = Vector256.Load(c + ldc); }
            if (TRows.Rows > 2) { c20 = Vector256.Load(c + (2 * ldc)); }
            if (TRows.Rows > 3) { c30 = Vector256.Load(c + (3 * ldc)); }
            if (TRows.Rows > 4) { c40 = Vector256.Load(c + (4 * ldc)); }
            if (TRows.Rows > 5) { c50 = Vector256.Load(c + (5 * ldc)); }
            if (TRows.Rows > 6) { c60 = Vector256.Load(c + (6 * ldc)); }
            if (TRows.Rows > 7) { c70 = Vector256.Load(c + (7 * ldc)); }
        }
        else if (bias != null)
        {
            var bias0 = Vector256.Load(bias);
            c00 = bias0;
            if (TRows.Rows > 1) { c10 = bias0; }
            if (TRows.Rows > 2) { c20 = bias0; }
            if (TRows.Rows > 3) { c30 = bias0; }
            if (TRows.Rows > 4) { c40 = bias0; }
            if (TRows.Rows > 5) { c50 = bias0; }
            if (TRows.Rows > 6) { c60 = bias0; }
            if (TRows.Rows > 7) { c70 = bias0; }
        }

        for (var p = 0; p < k; p++)
        {
            var bp = b + (p * ldb);
            var b0 = Vector256.Load(bp);
            var ap = a + (p * acs);
            { var x = Vector256.Create(ap[0]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); }
            if (TRows.Rows > 1) { var x = Vector256.Create(ap[ars]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); }
            if (TRows.Rows > 2) { var x = Vector256.Create(ap[2 * ars]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); }
            if (TRows.Rows > 3) { var x = Vector256.Create(ap[3 * ars]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); }
            if (TRows.Rows > 4) { var x = Vector256.Create(ap[4 * ars]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); }
            if (TRows.Rows > 5) { var x = Vector256.Create(ap[5 * ars]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); }
            if (TRows.Rows > 6) { var x = Vector256.Create(ap[6 * ars]); c60 = Vector256.FusedMultiplyAdd(x, b0, c60); }
            if (TRows.Rows > 7) { var x = Vector256.Create(ap[7 * ars]); c70 = Vector256.FusedMultiplyAdd(x, b0, c70); }
        }

        c00.Store(c);
        if (TRows.Rows > 1) { c10.Store(c + ldc); }
        if (TRows.Rows > 2) { c20.Store(c + (2 * ldc)); }
        if (TRows.Rows > 3) { c30.Store(c + (3 * ldc)); }
        if (TRows.Rows > 4) { c40.Store(c + (4 * ldc)); }
        if (TRows.Rows > 5) { c50.Store(c + (5 * ldc)); }
        if (TRows.Rows > 6) { c60.Store(c + (6 * ldc)); }
        if (TRows.Rows > 7) { c70.Store(c + (7 * ldc)); }
    }

    /// <summary>Rows x the last n &lt; 8 columns with masked loads and stores: masked-off lanes are never touched, so reading past the end of B is safe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MaskedPanel<TRows>(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias, Vector256<float> mask)
        where TRows : struct, IRowCount
    {
        Vector256<float> c00 = default, c10 = default, c20 = default, c30 = default, c40 = default, c50 = default, c60 = default, c70 = default;
        if (accumulate)
        {
            c00 = Avx.MaskLoad(c, mask);
            if (TRows.Rows > 1) { c10 = Avx.MaskLoad(c + ldc, mask); }
            if (TRows.Rows > 2) { c20 = Avx.MaskLoad(c + (2 * ldc), mask); }
            if (TRows.Rows > 3) { c30 = Avx.MaskLoad(c + (3 * ldc), mask); }
            if (TRows.Rows > 4) { c40 = Avx.MaskLoad(c + (4 * ldc), mask); }
            if (TRows.Rows > 5) { c50 = Avx.MaskLoad(c + (5 * ldc), mask); }
            if (TRows.Rows > 6) { c60 = Avx.MaskLoad(c + (6 * ldc), mask); }
            if (TRows.Rows > 7) { c70 = Avx.MaskLoad(c + (7 * ldc), mask); }
        }
        else if (bias != null)
        {
            var bias0 = Avx.MaskLoad(bias, mask);
            c00 = bias0;
            if (TRows.Rows > 1) { c10 = bias0; }
            if (TRows.Rows > 2) { c20 = bias0; }
            if (TRows.Rows > 3) { c30 = bias0; }
            if (TRows.Rows > 4) { c40 = bias0; }
            if (TRows.Rows > 5) { c50 = bias0; }
            if (TRows.Rows > 6) { c60 = bias0; }
            if (TRows.Rows > 7) { c70 = bias0; }
        }

        for (var p = 0; p < k; p++)
        {
            var bp = b + (p * ldb);
            var b0 = Avx.MaskLoad(bp, mask);
            var ap = a + (p * acs);
            { var x = Vector256.Create(ap[0]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); }
            if (TRows.Rows > 1) { var x = Vector256.Create(ap[ars]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); }
            if (TRows.Rows > 2) { var x = Vector256.Create(ap[2 * ars]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); }
            if (TRows.Rows > 3) { var x = Vector256.Create(ap[3 * ars]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); }
            if (TRows.Rows > 4) { var x = Vector256.Create(ap[4 * ars]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); }
            if (TRows.Rows > 5) { var x = Vector256.Create(ap[5 * ars]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); }
            if (TRows.Rows > 6) { var x = Vector256.Create(ap[6 * ars]); c60 = Vector256.FusedMultiplyAdd(x, b0, c60); }
            if (TRows.Rows > 7) { var x = Vector256.Create(ap[7 * ars]); c70 = Vector256.FusedMultiplyAdd(x, b0, c70); }
        }

        Avx.MaskStore(c, mask, c00);
        if (TRows.Rows > 1) { Avx.MaskStore(c + ldc, mask, c10); }
        if (TRows.Rows > 2) { Avx.MaskStore(c + (2 * ldc), mask, c20); }
        if (TRows.Rows > 3) { Avx.MaskStore(c + (3 * ldc), mask, c30); }
        if (TRows.Rows > 4) { Avx.MaskStore(c + (4 * ldc), mask, c40); }
        if (TRows.Rows > 5) { Avx.MaskStore(c + (5 * ldc), mask, c50); }
        if (TRows.Rows > 6) { Avx.MaskStore(c + (6 * ldc), mask, c60); }
        if (TRows.Rows > 7) { Avx.MaskStore(c + (7 * ldc), mask, c70); }
    }


    private static void Tail<TRows>(int n, int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate, float* bias)
        where TRows : struct, IRowCount
    {
        if (Avx.IsSupported)
        {
            // A few columns computed one at a time used to cost a third of a small-batch model's time.
            var mask = Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(n)).AsSingle();
            MaskedPanel<TRows>(k, a, ars, acs, b, ldb, c, ldc, accumulate, bias, mask);
            return;
        }

        for (var i = 0; i < TRows.Rows; i++)
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

    /// <summary>A row count known when the kernel is compiled, so each block size gets its own straight-line kernel.</summary>
    private interface IRowCount
    {
        static abstract int Rows { get; }
    }

    private struct Rows1 : IRowCount { public static int Rows => 1; }

    private struct Rows2 : IRowCount { public static int Rows => 2; }

    private struct Rows3 : IRowCount { public static int Rows => 3; }

    private struct Rows4 : IRowCount { public static int Rows => 4; }

    private struct Rows5 : IRowCount { public static int Rows => 5; }

    private struct Rows6 : IRowCount { public static int Rows => 6; }

    private struct Rows7 : IRowCount { public static int Rows => 7; }

    private struct Rows8 : IRowCount { public static int Rows => 8; }
}
