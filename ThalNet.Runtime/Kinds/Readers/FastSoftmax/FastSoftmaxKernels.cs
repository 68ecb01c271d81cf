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
    /// float32's resolution are zero (<see cref="NegligibleWeights"/>). Eight context elements go at a time through
    /// all C positions, so that their maximum, sum and context stay in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(int m, int c, int k, Span<float> a, ReadOnlySpan<float> center, Span<float> context)
    {
        var vectorEnd = Vector256.IsHardwareAccelerated ? k & ~7 : 0;
        ref var aRef = ref MemoryMarshal.GetReference(a);
        ref var centerRef = ref MemoryMarshal.GetReference(center);
        ref var contextRef = ref MemoryMarshal.GetReference(context);
        var cutoff = NegligibleWeights.ExponentCutoff(c);
        var cutoffV = Vector256.Create(cutoff);
        var stride = (nuint)k;
        for (var b = 0; b < m; b++)
        {
            var row = (nuint)(b * c * k);
            ref var centerRow = ref Unsafe.Add(ref centerRef, b * c);
            for (var j = 0; j < vectorEnd; j += 8)
            {
                var first = row + (nuint)j;
                var max = Vector256.Create(float.NegativeInfinity);
                for (nuint ci = 0, at = first; ci < (nuint)c; ci++, at += stride)
                {
                    max = Vector256.Max(max, Vector256.LoadUnsafe(ref aRef, at));
                }

                var sum = Vector256<float>.Zero;
                var weighted = Vector256<float>.Zero;
                for (nuint ci = 0, at = first; ci < (nuint)c; ci++, at += stride)
                {
                    var exponent = Vector256.LoadUnsafe(ref aRef, at) - max;
                    var e = VectorActivations.Exp(exponent) & Vector256.GreaterThanOrEqual(exponent, cutoffV);
                    e.StoreUnsafe(ref aRef, at);
                    sum += e;
                    weighted = Vector256.FusedMultiplyAdd(e, Vector256.Create(Unsafe.Add(ref centerRow, ci)), weighted);
                }

                var inverse = Vector256<float>.One / sum;
                (weighted * inverse).StoreUnsafe(ref contextRef, (nuint)((b * k) + j));
                for (nuint ci = 0, at = first; ci < (nuint)c; ci++, at += stride)
                {
                    (Vector256.LoadUnsafe(ref aRef, at) * inverse).StoreUnsafe(ref aRef, at);
                }
            }

            for (var j = vectorEnd; j < k; j++)
            {
                ForwardOne(c, k, a.Slice(b * c * k), center.Slice(b * c, c), cutoff, out context[(b * k) + j], j);
            }
        }
    }

    /// <summary>The same for context element <paramref name="j"/> of one row, in scalars.</summary>
    private static void ForwardOne(int c, int k, Span<float> a, ReadOnlySpan<float> center, float cutoff, out float context, int j)
    {
        var max = float.NegativeInfinity;
        for (var ci = 0; ci < c; ci++)
        {
            max = MathF.Max(max, a[(ci * k) + j]);
        }

        var (sum, weighted) = (0f, 0f);
        for (var ci = 0; ci < c; ci++)
        {
            var exponent = a[(ci * k) + j] - max;
            var e = exponent >= cutoff ? MathF.Exp(exponent) : 0f;
            a[(ci * k) + j] = e;
            sum += e;
            weighted += e * center[ci];
        }

        var inverse = 1f / sum;
        context = weighted * inverse;
        for (var ci = 0; ci < c; ci++)
        {
            a[(ci * k) + j] *= inverse;
        }
    }

    /// <summary>
    /// Given d context, writes d logits = a dctx[k] (center[c] - context[k]) (softmax backward through the weighted
    /// sum) and adds d center[c] = sum_k a[c, k] dctx[k] when <paramref name="dCenter"/> is not empty.
    /// </summary>
    /// <remarks>Not inlined into its caller, where the compiler kept this loop's indices in memory.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Backward(int m, int c, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> center, ReadOnlySpan<float> context,
        ReadOnlySpan<float> dContext, Span<float> dLogits, Span<float> dCenter)
    {
        if (a.Length < m * c * k || dLogits.Length < m * c * k || center.Length < m * c || context.Length < m * k || dContext.Length < m * k
            || (!dCenter.IsEmpty && dCenter.Length < m * c))
        {
            throw new ArgumentException($"Buffers too short for [B, C, K] = [{m}, {c}, {k}].");
        }

        var vectorEnd = Vector256.IsHardwareAccelerated ? k & ~7 : 0;
        var addCenter = !dCenter.IsEmpty;
        fixed (float* aBase = a, dBase = dLogits, centerBase = center, ctxBase = context, dctxBase = dContext, dCenterBase = dCenter)
        {
            for (var b = 0; b < m; b++)
            {
                var ctx = ctxBase + (b * k);
                var dctx = dctxBase + (b * k);
                for (var ci = 0; ci < c; ci++)
                {
                    var v = centerBase[(b * c) + ci];
                    var value = Vector256.Create(v);
                    var weights = aBase + (((b * c) + ci) * k);
                    var gradients = dBase + (((b * c) + ci) * k);
                    var dcSum = Vector256<float>.Zero;
                    var j = 0;
                    for (; j < vectorEnd; j += 8)
                    {
                        var ad = Vector256.Load(weights + j) * Vector256.Load(dctx + j);
                        (ad * (value - Vector256.Load(ctx + j))).Store(gradients + j);
                        dcSum += ad;
                    }

                    var dc = Vector256.Sum(dcSum);
                    for (; j < k; j++)
                    {
                        var ad = weights[j] * dctx[j];
                        gradients[j] = ad * (v - ctx[j]);
                        dc += ad;
                    }

                    if (addCenter)
                    {
                        dCenterBase[(b * c) + ci] += dc;
                    }
                }
            }
        }
    }
}
