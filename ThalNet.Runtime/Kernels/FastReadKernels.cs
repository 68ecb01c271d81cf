using System.Runtime.CompilerServices;
namespace ThalNet.Runtime.Kernels;

/// <summary>Shared arithmetic of the fast (feature-conditioned) readers; attention is laid out [B, C, K].</summary>
internal static class FastReadKernels
{
    /// <summary>In place: softmax over the center axis c of logits [B, C, K].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SoftmaxOverCenter(int m, int c, int k, Span<float> a)
    {
        Span<float> max = k <= 512 ? stackalloc float[k] : new float[k];
        Span<float> sum = k <= 512 ? stackalloc float[k] : new float[k];
        for (var b = 0; b < m; b++)
        {
            var block = a.Slice(b * c * k, c * k);
            max.Fill(float.NegativeInfinity);
            for (var ci = 0; ci < c; ci++)
            {
                var row = block.Slice(ci * k, k);
                for (var j = 0; j < k; j++)
                {
                    max[j] = MathF.Max(max[j], row[j]);
                }
            }

            sum.Clear();
            for (var ci = 0; ci < c; ci++)
            {
                var row = block.Slice(ci * k, k);
                for (var j = 0; j < k; j++)
                {
                    var e = MathF.Exp(row[j] - max[j]);
                    row[j] = e;
                    sum[j] += e;
                }
            }

            for (var ci = 0; ci < c; ci++)
            {
                var row = block.Slice(ci * k, k);
                for (var j = 0; j < k; j++)
                {
                    row[j] /= sum[j];
                }
            }
        }
    }

    /// <summary>context[b, k] = sum_c a[b, c, k] * center[b, c].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Context(int m, int c, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> center, Span<float> context)
    {
        for (var b = 0; b < m; b++)
        {
            var ctx = context.Slice(b * k, k);
            ctx.Clear();
            for (var ci = 0; ci < c; ci++)
            {
                var v = center[(b * c) + ci];
                var row = a.Slice(((b * c) + ci) * k, k);
                for (var j = 0; j < k; j++)
                {
                    ctx[j] += row[j] * v;
                }
            }
        }
    }

    /// <summary>
    /// Given d context, writes d logits = a * dctx[k] * (center[c] - context[k]) (softmax backward through the
    /// weighted sum) and adds d center[c] = sum_k a[c, k] dctx[k] when <paramref name="dCenter"/> is not empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(int m, int c, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> center, ReadOnlySpan<float> context,
        ReadOnlySpan<float> dContext, Span<float> dLogits, Span<float> dCenter)
    {
        for (var b = 0; b < m; b++)
        {
            var ctx = context.Slice(b * k, k);
            var dctx = dContext.Slice(b * k, k);
            for (var ci = 0; ci < c; ci++)
            {
                var v = center[(b * c) + ci];
                var offset = ((b * c) + ci) * k;
                var row = a.Slice(offset, k);
                var dRow = dLogits.Slice(offset, k);
                var dc = 0f;
                for (var j = 0; j < k; j++)
                {
                    dRow[j] = row[j] * dctx[j] * (v - ctx[j]);
                    dc += row[j] * dctx[j];
                }

                if (!dCenter.IsEmpty)
                {
                    dCenter[(b * c) + ci] += dc;
                }
            }
        }
    }

    /// <summary>In place: mean logits become mu = (C-1) σ(x); scale logits become sigma = softplus(x) + 0.5.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GaussianParameters(int c, Span<float> mu, Span<float> sigma)
    {
        for (var i = 0; i < mu.Length; i++)
        {
            mu[i] = (c - 1) * ActivationKernels.Sigmoid(mu[i]);
            sigma[i] = ActivationKernels.Softplus(sigma[i]) + 0.5f;
        }
    }

    /// <summary>logits[b, c, k] = -0.5 ((c - mu[b, k]) / sigma[b, k])^2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GaussianLogits(int m, int c, int k, ReadOnlySpan<float> mu, ReadOnlySpan<float> sigma, Span<float> logits)
    {
        for (var b = 0; b < m; b++)
        {
            for (var ci = 0; ci < c; ci++)
            {
                var row = logits.Slice(((b * c) + ci) * k, k);
                for (var j = 0; j < k; j++)
                {
                    var t = (ci - mu[(b * k) + j]) / sigma[(b * k) + j];
                    row[j] = -0.5f * t * t;
                }
            }
        }
    }

    /// <summary>From d logits [B, C, K] to the gradients of the mean and scale pre-activations [B, K].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GaussianBackward(int m, int c, int k, ReadOnlySpan<float> dLogits, ReadOnlySpan<float> mu, ReadOnlySpan<float> sigma,
        ReadOnlySpan<float> scaleLogits, Span<float> dMeanLogits, Span<float> dScaleLogits)
    {
        for (var b = 0; b < m; b++)
        {
            for (var j = 0; j < k; j++)
            {
                var mv = mu[(b * k) + j];
                var s = sigma[(b * k) + j];
                var dMu = 0f;
                var dSigma = 0f;
                for (var ci = 0; ci < c; ci++)
                {
                    var g = dLogits[(((b * c) + ci) * k) + j];
                    var diff = ci - mv;
                    dMu += g * diff / (s * s);
                    dSigma += g * diff * diff / (s * s * s);
                }

                var unit = mv / (c - 1);
                dMeanLogits[(b * k) + j] = c > 1 ? dMu * (c - 1) * unit * (1f - unit) : 0f;
                var x = scaleLogits[(b * k) + j];
                dScaleLogits[(b * k) + j] = x > 20f ? dSigma : dSigma * ActivationKernels.Sigmoid(x);
            }
        }
    }
}
