using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The fast softmax reader's attention, laid out [B, C, K] as its product writes it (logit of center position c for
/// context element k at c * K + k): every pass runs along k, 8 context elements to a vector, with a scalar tail.
/// </summary>
internal static class FastSoftmaxKernels
{
    /// <summary>
    /// In place: logits [B, C, K] become a = softmax over c; context[b, k] = sum_c a[b, c, k] center[b, c]. The context
    /// is summed from the unnormalised exponentials in the same pass and divided by their sum once. Weights below
    /// float32's resolution are zero (<see cref="NegligibleWeights"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(int m, int c, int k, Span<float> a, ReadOnlySpan<float> center, Span<float> context)
    {
        Span<float> max = k <= 512 ? stackalloc float[k] : new float[k];
        Span<float> sum = k <= 512 ? stackalloc float[k] : new float[k];
        var vectorEnd = Vector256.IsHardwareAccelerated ? k & ~7 : 0;
        ref var aRef = ref MemoryMarshal.GetReference(a);
        ref var maxRef = ref MemoryMarshal.GetReference(max);
        ref var sumRef = ref MemoryMarshal.GetReference(sum);
        var cutoff = NegligibleWeights.ExponentCutoff(c);
        var cutoffV = Vector256.Create(cutoff);
        for (var b = 0; b < m; b++)
        {
            var ctx = context.Slice(b * k, k);
            ref var ctxRef = ref MemoryMarshal.GetReference(ctx);
            max.Fill(float.NegativeInfinity);
            for (var ci = 0; ci < c; ci++)
            {
                var offset = (nuint)(((b * c) + ci) * k);
                var j = 0;
                for (; j < vectorEnd; j += 8)
                {
                    Vector256.Max(Vector256.LoadUnsafe(ref maxRef, (nuint)j), Vector256.LoadUnsafe(ref aRef, offset + (nuint)j)).StoreUnsafe(ref maxRef, (nuint)j);
                }

                for (; j < k; j++)
                {
                    max[j] = MathF.Max(max[j], a[(int)offset + j]);
                }
            }

            sum.Clear();
            ctx.Clear();
            for (var ci = 0; ci < c; ci++)
            {
                var v = center[(b * c) + ci];
                var value = Vector256.Create(v);
                var offset = (nuint)(((b * c) + ci) * k);
                var j = 0;
                for (; j < vectorEnd; j += 8)
                {
                    var exponent = Vector256.LoadUnsafe(ref aRef, offset + (nuint)j) - Vector256.LoadUnsafe(ref maxRef, (nuint)j);
                    var e = VectorActivations.Exp(exponent) & Vector256.GreaterThanOrEqual(exponent, cutoffV);
                    e.StoreUnsafe(ref aRef, offset + (nuint)j);
                    (Vector256.LoadUnsafe(ref sumRef, (nuint)j) + e).StoreUnsafe(ref sumRef, (nuint)j);
                    Vector256.FusedMultiplyAdd(e, value, Vector256.LoadUnsafe(ref ctxRef, (nuint)j)).StoreUnsafe(ref ctxRef, (nuint)j);
                }

                for (; j < k; j++)
                {
                    var exponent = a[(int)offset + j] - max[j];
                    var e = exponent >= cutoff ? MathF.Exp(exponent) : 0f;
                    a[(int)offset + j] = e;
                    sum[j] += e;
                    ctx[j] += e * v;
                }
            }

            // sum now holds 1 / sum.
            for (var j = 0; j < k; j++)
            {
                sum[j] = 1f / sum[j];
                ctx[j] *= sum[j];
            }

            for (var ci = 0; ci < c; ci++)
            {
                var offset = (nuint)(((b * c) + ci) * k);
                var j = 0;
                for (; j < vectorEnd; j += 8)
                {
                    (Vector256.LoadUnsafe(ref aRef, offset + (nuint)j) * Vector256.LoadUnsafe(ref sumRef, (nuint)j)).StoreUnsafe(ref aRef, offset + (nuint)j);
                }

                for (; j < k; j++)
                {
                    a[(int)offset + j] *= sum[j];
                }
            }
        }
    }

    /// <summary>
    /// Given d context, writes d logits = a dctx[k] (center[c] - context[k]) (softmax backward through the weighted
    /// sum) and adds d center[c] = sum_k a[c, k] dctx[k] when <paramref name="dCenter"/> is not empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(int m, int c, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> center, ReadOnlySpan<float> context,
        ReadOnlySpan<float> dContext, Span<float> dLogits, Span<float> dCenter)
    {
        var vectorEnd = Vector256.IsHardwareAccelerated ? k & ~7 : 0;
        ref var aRef = ref MemoryMarshal.GetReference(a);
        ref var dRef = ref MemoryMarshal.GetReference(dLogits);
        for (var b = 0; b < m; b++)
        {
            var ctx = context.Slice(b * k, k);
            var dctx = dContext.Slice(b * k, k);
            ref var ctxRef = ref MemoryMarshal.GetReference(ctx);
            ref var dctxRef = ref MemoryMarshal.GetReference(dctx);
            for (var ci = 0; ci < c; ci++)
            {
                var v = center[(b * c) + ci];
                var value = Vector256.Create(v);
                var offset = (nuint)(((b * c) + ci) * k);
                var dcSum = Vector256<float>.Zero;
                var j = 0;
                for (; j < vectorEnd; j += 8)
                {
                    var ad = Vector256.LoadUnsafe(ref aRef, offset + (nuint)j) * Vector256.LoadUnsafe(ref dctxRef, (nuint)j);
                    (ad * (value - Vector256.LoadUnsafe(ref ctxRef, (nuint)j))).StoreUnsafe(ref dRef, offset + (nuint)j);
                    dcSum += ad;
                }

                var dc = Vector256.Sum(dcSum);
                for (; j < k; j++)
                {
                    var ad = a[(int)offset + j] * dctx[j];
                    dLogits[(int)offset + j] = ad * (v - ctx[j]);
                    dc += ad;
                }

                if (!dCenter.IsEmpty)
                {
                    dCenter[(b * c) + ci] += dc;
                }
            }
        }
    }
}
