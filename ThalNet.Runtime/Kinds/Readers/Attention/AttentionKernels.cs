using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The per-example arithmetic of the attention reader: scores of the query against every module's key, a softmax over
/// the modules and a null slot (score 0, value 0), and the weighted sum of the values. Keys and values of one example
/// lie together, [M, 2K] (module j's key at j·2K, its value at j·2K + K).
/// </summary>
internal static class AttentionKernels
{
    /// <summary>
    /// For every row b: weights[b, j] = softmax over j = 0..M of (q_b · k_bj / √K, and 0 for j = M, the null slot);
    /// context[b] = Σ_j weights[b, j] v_bj.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(int rows, int modules, int k, ReadOnlySpan<float> query, ReadOnlySpan<float> keyValues, Span<float> weights, Span<float> context)
    {
        var scale = 1f / MathF.Sqrt(k);
        var stride = 2 * k;
        for (var b = 0; b < rows; b++)
        {
            var q = query.Slice(b * k, k);
            var kv = keyValues.Slice(b * modules * stride, modules * stride);
            var a = weights.Slice(b * (modules + 1), modules + 1);
            var max = 0f; // the null slot's score
            for (var j = 0; j < modules; j++)
            {
                a[j] = TensorPrimitives.Dot(q, kv.Slice(j * stride, k)) * scale;
                max = MathF.Max(max, a[j]);
            }

            a[modules] = 0f;
            var sum = 0f;
            for (var j = 0; j <= modules; j++)
            {
                a[j] = MathF.Exp(a[j] - max);
                sum += a[j];
            }

            var ctx = context.Slice(b * k, k);
            ctx.Clear();
            var inverse = 1f / sum;
            for (var j = 0; j <= modules; j++)
            {
                a[j] *= inverse;
                if (j < modules)
                {
                    TensorPrimitives.MultiplyAdd(kv.Slice((j * stride) + k, k), a[j], ctx, ctx);
                }
            }
        }
    }

    /// <summary>
    /// Given d context, writes d query [B, K] and d keys and values [B, M, 2K]: da_j = dctx · v_j, de_j = a_j (da_j −
    /// Σ_i a_i da_i) (the null slot's value is 0, so its da is 0), dq = Σ_j de_j k_j / √K, dk_j = de_j q / √K,
    /// dv_j = a_j dctx.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(int rows, int modules, int k, ReadOnlySpan<float> query, ReadOnlySpan<float> keyValues, ReadOnlySpan<float> weights,
        ReadOnlySpan<float> dContext, Span<float> dQuery, Span<float> dKeyValues)
    {
        var scale = 1f / MathF.Sqrt(k);
        var stride = 2 * k;
        Span<float> da = modules <= 256 ? stackalloc float[modules] : new float[modules];
        for (var b = 0; b < rows; b++)
        {
            var q = query.Slice(b * k, k);
            var kv = keyValues.Slice(b * modules * stride, modules * stride);
            var a = weights.Slice(b * (modules + 1), modules + 1);
            var dctx = dContext.Slice(b * k, k);
            var dq = dQuery.Slice(b * k, k);
            var dkv = dKeyValues.Slice(b * modules * stride, modules * stride);
            var mean = 0f;
            for (var j = 0; j < modules; j++)
            {
                da[j] = TensorPrimitives.Dot(dctx, kv.Slice((j * stride) + k, k));
                mean += a[j] * da[j];
            }

            dq.Clear();
            for (var j = 0; j < modules; j++)
            {
                var de = a[j] * (da[j] - mean) * scale;
                TensorPrimitives.MultiplyAdd(kv.Slice(j * stride, k), de, dq, dq);
                TensorPrimitives.Multiply(q, de, dkv.Slice(j * stride, k));
                TensorPrimitives.Multiply(dctx, a[j], dkv.Slice((j * stride) + k, k));
            }
        }
    }

    /// <summary>[w_key; w_value] transposed and interleaved per center column: packed[c] = (w_key[:, c], w_value[:, c]), [C, 2K].</summary>
    public static void PackKeyValuesTransposed(ReadOnlySpan<float> wKey, ReadOnlySpan<float> wValue, int k, int c, Span<float> packed)
    {
        for (var row = 0; row < k; row++)
        {
            for (var col = 0; col < c; col++)
            {
                packed[(col * 2 * k) + row] = wKey[(row * c) + col];
                packed[(col * 2 * k) + k + row] = wValue[(row * c) + col];
            }
        }
    }
}
