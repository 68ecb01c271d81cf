using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The fast softmax reader's attention, laid out [B, C, K] as its product writes it (logit of center position c for
/// context element k at c * K + k): every pass runs along k, 16 or 8 context elements to a vector (<see
/// cref="IFloatLanes{TVector}"/>), then one at a time. The weights stay unnormalised, e^(logit - max), beside the inverse
/// of their sum per context element: the backward pass multiplies the inverse into d context once per element instead
/// of the forward pass dividing all C weights. They are computed as powers of two (<see
/// cref="LaneMath.Exp2NonPositive{TLanes, TVector}"/>, no reduction by ln 2): the exponent logit log2(e) -
/// max log2(e), rounded once, is off by at most half a unit in its last place, |x| 2^-24 for an exponent x, which moves
/// a normalised weight a by at most a |ln a| 2^-24 &lt;= 2^-24 / e, under a third of a unit in the last place of 1.
/// </summary>
internal static unsafe class FastSoftmaxKernels
{
    /// <summary>
    /// From logits [B, C, K]: weights e = e^(logit - max over c) [B, C, K], inverseSums[b, k] = 1 / sum_c e and
    /// context[b, k] = sum_c e[b, c, k] center[b, c] / sum_c e. The weights may overwrite the logits. Weights below
    /// float32's resolution are zero (<see cref="NegligibleWeights"/>). A vector of context elements goes through all C
    /// positions at a time, so that its maximum, sum and context stay in registers. <paramref name="lanes"/> caps the
    /// vector width (16, 8 or 1).
    /// </summary>
    /// <exception cref="ArgumentException">When a buffer is shorter than its shape.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(int m, int c, int k, ReadOnlySpan<float> logits, Span<float> weights, ReadOnlySpan<float> center, Span<float> inverseSums,
        Span<float> context, int lanes)
    {
        if (logits.Length < m * c * k || weights.Length < m * c * k || center.Length < m * c || inverseSums.Length < m * k || context.Length < m * k)
        {
            throw new ArgumentException($"Buffers too short for [B, C, K] = [{m}, {c}, {k}].");
        }

        var cutoff = NegligibleWeights.Exp2Cutoff(c);
        fixed (float* logitsBase = logits, weightsBase = weights, centerBase = center, inverseBase = inverseSums, contextBase = context)
        {
            for (var b = 0; b < m; b++)
            {
                var row = new ForwardRow(logitsBase + (b * c * k), weightsBase + (b * c * k), centerBase + (b * c), inverseBase + (b * k), contextBase + (b * k));
                var j = 0;
                if (lanes >= 16)
                {
                    for (; j + 16 <= k; j += 16)
                    {
                        ForwardLanes<Lanes512, Vector512<float>>(c, k, j, row, cutoff);
                    }
                }

                if (lanes >= 8)
                {
                    for (; j + 8 <= k; j += 8)
                    {
                        ForwardLanes<Lanes256, Vector256<float>>(c, k, j, row, cutoff);
                    }
                }

                for (; j < k; j++)
                {
                    ForwardLanes<Lanes1, float>(c, k, j, row, cutoff);
                }
            }
        }
    }

    /// <inheritdoc cref="Forward(int, int, int, ReadOnlySpan{float}, Span{float}, ReadOnlySpan{float}, Span{float}, Span{float}, int)"/>
    public static void Forward(int m, int c, int k, ReadOnlySpan<float> logits, Span<float> weights, ReadOnlySpan<float> center, Span<float> inverseSums,
        Span<float> context) =>
        Forward(m, c, k, logits, weights, center, inverseSums, context, LaneMath.WidestLanes);

    /// <summary>
    /// Given d context, writes d logits = a dctx[k] (center[c] - context[k]) with a = e inverseSums (softmax backward
    /// through the weighted sum), adds d center[c] = sum_k a[c, k] dctx[k] when <paramref name="dCenter"/> is not
    /// empty and the column sums of d logits [C*K] to <paramref name="dBias"/> when it is not empty (the logits' bias
    /// gradient, while the row is in registers). <paramref name="lanes"/> caps the vector width (16, 8 or 1).
    /// </summary>
    /// <exception cref="ArgumentException">When a buffer is shorter than its shape.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(int m, int c, int k, ReadOnlySpan<float> weights, ReadOnlySpan<float> inverseSums, ReadOnlySpan<float> center,
        ReadOnlySpan<float> context, ReadOnlySpan<float> dContext, Span<float> dLogits, Span<float> dCenter, Span<float> dBias, int lanes)
    {
        if (weights.Length < m * c * k || dLogits.Length < m * c * k || center.Length < m * c || inverseSums.Length < m * k || context.Length < m * k
            || dContext.Length < m * k || (!dCenter.IsEmpty && dCenter.Length < m * c) || (!dBias.IsEmpty && dBias.Length < c * k))
        {
            throw new ArgumentException($"Buffers too short for [B, C, K] = [{m}, {c}, {k}].");
        }

        var addCenter = !dCenter.IsEmpty;
        fixed (float* weightsBase = weights, inverseBase = inverseSums, dBase = dLogits, centerBase = center, contextBase = context,
            dContextBase = dContext, dCenterBase = dCenter, dBiasBase = dBias)
        {
            for (var b = 0; b < m; b++)
            {
                var row = new BackwardRow(inverseBase + (b * k), contextBase + (b * k), dContextBase + (b * k), dBias.IsEmpty ? null : dBiasBase);
                for (var ci = 0; ci < c; ci++)
                {
                    var at = ((b * c) + ci) * k;
                    var value = centerBase[(b * c) + ci];
                    var j = 0;
                    var dc = 0f;
                    // A width with no whole vector left is skipped: its sum across lanes would cost as much as the work.
                    if (lanes >= 16 && j + 16 <= k)
                    {
                        dc += BackwardLanes<Lanes512, Vector512<float>>(ref j, k, ci, row, value, weightsBase + at, dBase + at);
                    }

                    if (lanes >= 8 && j + 8 <= k)
                    {
                        dc += BackwardLanes<Lanes256, Vector256<float>>(ref j, k, ci, row, value, weightsBase + at, dBase + at);
                    }

                    if (j < k)
                    {
                        dc += BackwardLanes<Lanes1, float>(ref j, k, ci, row, value, weightsBase + at, dBase + at);
                    }

                    if (addCenter)
                    {
                        dCenterBase[(b * c) + ci] += dc;
                    }
                }
            }
        }
    }

    /// <inheritdoc cref="Backward(int, int, int, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float}, Span{float}, int)"/>
    public static void Backward(int m, int c, int k, ReadOnlySpan<float> weights, ReadOnlySpan<float> inverseSums, ReadOnlySpan<float> center,
        ReadOnlySpan<float> context, ReadOnlySpan<float> dContext, Span<float> dLogits, Span<float> dCenter, Span<float> dBias) =>
        Backward(m, c, k, weights, inverseSums, center, context, dContext, dLogits, dCenter, dBias, LaneMath.WidestLanes);

    /// <summary>The normalised weights a = e inverseSums [B, C, K] into <paramref name="attention"/> (for probes).</summary>
    public static void Normalise(int m, int c, int k, ReadOnlySpan<float> weights, ReadOnlySpan<float> inverseSums, Span<float> attention)
    {
        for (var i = 0; i < m * c; i++)
        {
            var b = i / c;
            for (var j = 0; j < k; j++)
            {
                attention[(i * k) + j] = weights[(i * k) + j] * inverseSums[(b * k) + j];
            }
        }
    }

    /// <summary>Context elements j onwards, a vector of them, of one row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ForwardLanes<TLanes, TVector>(int c, int k, int j, ForwardRow row, float cutoff)
        where TLanes : struct, IFloatLanes<TVector>
        where TVector : struct
    {
        // Two maxima over alternate positions: one would wait on the previous maximum at every position.
        var stride = (nuint)k;
        var (max0, max1) = (TLanes.Create(float.NegativeInfinity), TLanes.Create(float.NegativeInfinity));
        var logits = row.Logits + j;
        var ci = 0;
        for (; ci + 1 < c; ci += 2, logits += 2 * stride)
        {
            max0 = TLanes.Max(max0, TLanes.Load(logits));
            max1 = TLanes.Max(max1, TLanes.Load(logits + stride));
        }

        if (ci < c)
        {
            max0 = TLanes.Max(max0, TLanes.Load(logits));
        }

        var max = TLanes.Max(max0, max1);
        // e^(logit - max) = 2^(logit log2(e) + shift), shift = -max log2(e) rounded once for the whole column: its
        // rounding scales every weight of the column alike, which the normalisation cancels.
        var (log2E, shift) = (TLanes.Create(NegligibleWeights.Log2E), TLanes.Multiply(max, TLanes.Create(-NegligibleWeights.Log2E)));
        var cutoffV = TLanes.Create(cutoff);
        var (sum, weighted) = (TLanes.Create(0f), TLanes.Create(0f));
        logits = row.Logits + j;
        var weights = row.Weights + j;
        for (ci = 0; ci < c; ci++, logits += stride, weights += stride)
        {
            var e = LaneMath.Exp2Above<TLanes, TVector>(TLanes.MultiplyAdd(TLanes.Load(logits), log2E, shift), cutoffV);
            TLanes.Store(weights, e);
            sum = TLanes.Add(sum, e);
            weighted = TLanes.MultiplyAdd(e, TLanes.Create(row.Center[ci]), weighted);
        }

        var inverseSum = TLanes.Divide(TLanes.Create(1f), sum);
        TLanes.Store(row.InverseSums + j, inverseSum);
        TLanes.Store(row.Context + j, TLanes.Multiply(weighted, inverseSum));
    }

    /// <summary>
    /// The context elements from <paramref name="j"/> on, a vector at a time while a whole vector is left, of one center
    /// position: writes their d logits, returns the sum of a dctx over them and moves <paramref name="j"/> past them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float BackwardLanes<TLanes, TVector>(ref int j, int k, int ci, BackwardRow row, float value, float* e, float* gradients)
        where TLanes : struct, IFloatLanes<TVector>
        where TVector : struct
    {
        var center = TLanes.Create(value);
        var dcSum = TLanes.Create(0f);
        var dBias = row.DBias == null ? null : row.DBias + (ci * k);
        for (; j + TLanes.Count <= k; j += TLanes.Count)
        {
            var ad = TLanes.Multiply(TLanes.Load(e + j), TLanes.Multiply(TLanes.Load(row.InverseSums + j), TLanes.Load(row.DContext + j)));
            var g = TLanes.Multiply(ad, TLanes.Subtract(center, TLanes.Load(row.Context + j)));
            TLanes.Store(gradients + j, g);
            if (dBias != null)
            {
                TLanes.Store(dBias + j, TLanes.Add(TLanes.Load(dBias + j), g));
            }

            dcSum = TLanes.Add(dcSum, ad);
        }

        return TLanes.Sum(dcSum);
    }

    /// <summary>One row's logits and weights [C, K], center [C], inverse sums and context [K].</summary>
    private readonly struct ForwardRow(float* logits, float* weights, float* center, float* inverseSums, float* context)
    {
        public float* Logits { get; } = logits;

        public float* Weights { get; } = weights;

        public float* Center { get; } = center;

        public float* InverseSums { get; } = inverseSums;

        public float* Context { get; } = context;
    }

    /// <summary>One row's inverse sums, context and d context [K], and d bias [C*K] or null.</summary>
    private readonly struct BackwardRow(float* inverseSums, float* context, float* dContext, float* dBias)
    {
        public float* InverseSums { get; } = inverseSums;

        public float* Context { get; } = context;

        public float* DContext { get; } = dContext;

        public float* DBias { get; } = dBias;
    }
}
