using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// d features += d logits @ w^T for a fast softmax reader with few features (F up to <see cref="MaxFeatures"/>):
/// dx[r, p] += sum_i g[r, i] w[p, i] for g [M, N] and w [F, N], in tiles of 3 rows x 3 features whose nine dot
/// products share their loads, summed across lanes at the end. The matrix product would take w^T [N, F] and
/// broadcast every one of the M N d logits against a vector of which only F lanes are used.
/// </summary>
internal static unsafe class FeatureGradientKernels
{
    /// <summary>The most features this kernel is used for; with more, the matrix product's vectors are nearly full.</summary>
    public const int MaxFeatures = 16;

    /// <summary>dx [M, F] += g [M, N] @ w^T for w [F, N]; <paramref name="lanes"/> caps the vector width (16, 8 or 1).</summary>
    /// <exception cref="ArgumentException">When a buffer is shorter than its shape.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddProductTransposed(int m, int n, int f, ReadOnlySpan<float> g, ReadOnlySpan<float> w, Span<float> dx, int lanes)
    {
        if (g.Length < m * n || w.Length < f * n || dx.Length < m * f)
        {
            throw new ArgumentException($"Buffers too short for g [{m}, {n}] and w [{f}, {n}].");
        }

        Span<float> sums = stackalloc float[9];
        fixed (float* gBase = g, wBase = w, dxBase = dx)
        {
            for (var r = 0; r < m; r += 3)
            {
                for (var p = 0; p < f; p += 3)
                {
                    // A tile at the edge repeats its first row or feature in place of the missing ones, whose sums are dropped.
                    var g0 = gBase + (r * n);
                    var w0 = wBase + (p * n);
                    var tile = new Tile(g0, r + 1 < m ? g0 + n : g0, r + 2 < m ? g0 + (2 * n) : g0, w0, p + 1 < f ? w0 + n : w0, p + 2 < f ? w0 + (2 * n) : w0);
                    sums.Clear();
                    var i = 0;
                    // A width with no whole vector left is skipped: its nine sums across lanes would be of zeros.
                    if (lanes >= 16 && i + 16 <= n)
                    {
                        TileLanes<Lanes512, Vector512<float>>(ref i, n, tile, sums);
                    }

                    if (lanes >= 8 && i + 8 <= n)
                    {
                        TileLanes<Lanes256, Vector256<float>>(ref i, n, tile, sums);
                    }

                    if (i < n)
                    {
                        TileLanes<Lanes1, float>(ref i, n, tile, sums);
                    }

                    for (var rr = 0; rr < 3 && r + rr < m; rr++)
                    {
                        for (var pp = 0; pp < 3 && p + pp < f; pp++)
                        {
                            dxBase[((r + rr) * f) + p + pp] += sums[(rr * 3) + pp];
                        }
                    }
                }
            }
        }
    }

    /// <summary>The nine dot products of a tile from <paramref name="i"/> on, a vector at a time, added to <paramref name="sums"/> [row * 3 + feature].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TileLanes<TLanes, TVector>(ref int i, int n, Tile tile, Span<float> sums)
        where TLanes : struct, IFloatLanes<TVector>
        where TVector : struct
    {
        var zero = TLanes.Create(0f);
        var (s00, s01, s02, s10, s11, s12, s20, s21, s22) = (zero, zero, zero, zero, zero, zero, zero, zero, zero);
        for (; i + TLanes.Count <= n; i += TLanes.Count)
        {
            var (w0, w1, w2) = (TLanes.Load(tile.W0 + i), TLanes.Load(tile.W1 + i), TLanes.Load(tile.W2 + i));
            var g = TLanes.Load(tile.G0 + i);
            (s00, s01, s02) = (TLanes.MultiplyAdd(g, w0, s00), TLanes.MultiplyAdd(g, w1, s01), TLanes.MultiplyAdd(g, w2, s02));
            g = TLanes.Load(tile.G1 + i);
            (s10, s11, s12) = (TLanes.MultiplyAdd(g, w0, s10), TLanes.MultiplyAdd(g, w1, s11), TLanes.MultiplyAdd(g, w2, s12));
            g = TLanes.Load(tile.G2 + i);
            (s20, s21, s22) = (TLanes.MultiplyAdd(g, w0, s20), TLanes.MultiplyAdd(g, w1, s21), TLanes.MultiplyAdd(g, w2, s22));
        }

        (sums[0], sums[1], sums[2]) = (sums[0] + TLanes.Sum(s00), sums[1] + TLanes.Sum(s01), sums[2] + TLanes.Sum(s02));
        (sums[3], sums[4], sums[5]) = (sums[3] + TLanes.Sum(s10), sums[4] + TLanes.Sum(s11), sums[5] + TLanes.Sum(s12));
        (sums[6], sums[7], sums[8]) = (sums[6] + TLanes.Sum(s20), sums[7] + TLanes.Sum(s21), sums[8] + TLanes.Sum(s22));
    }

    /// <summary>Three rows of g and three rows of w.</summary>
    private readonly struct Tile(float* g0, float* g1, float* g2, float* w0, float* w1, float* w2)
    {
        public float* G0 { get; } = g0;

        public float* G1 { get; } = g1;

        public float* G2 { get; } = g2;

        public float* W0 { get; } = w0;

        public float* W1 { get; } = w1;

        public float* W2 { get; } = w2;
    }
}
