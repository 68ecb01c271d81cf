using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The fast Gaussian reader's attention: for each row b and context element k, weights over a window of center
/// positions around the mean (<see cref="GaussianWindows"/>, <see cref="GaussianWeights"/>), a vector of consecutive positions at a time (8 or 16, see
/// <see cref="IFloatLanes{TVector}"/>), so the center is read and its gradient added with plain vector loads and stores. The weights are never stored: the
/// forward pass keeps only the inverse of each window's sum, and the backward pass recomputes e^(logit - max) with the
/// same instructions (so the same values), which costs less than writing [B, K, C] weights and reading them back.
/// </summary>
/// <remarks>
/// Why the skipped positions cannot matter in float32: sigma &gt;= 0.5 and mu lies in [0, C-1], so the nearest position
/// c* is within 0.5 of mu and its logit is at least -0.5 (0.5 / 0.5)^2 = -0.5. A position with |c - mu| &gt; sigma R,
/// R^2 = 1 + 2 ln(C 2^24), has logit - max &lt; -0.5 R^2 + 0.5 = -ln(C 2^24), so its weight is below 2^-24 / C:
/// negligible by the bound of <see cref="NegligibleWeights"/>, which also zeroes such weights inside a window (a
/// window is widened to a whole number of vectors). Their gradients are smaller by the same factor.
/// </remarks>
internal static class FastGaussianKernels
{
    /// <summary>In place: mean logits become mu = (C-1) σ(x); scale logits become sigma = softplus(x) + 0.5.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Parameters(int c, Span<float> mu, Span<float> sigma)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var muRef = ref MemoryMarshal.GetReference(mu);
            ref var sigmaRef = ref MemoryMarshal.GetReference(sigma);
            var scale = Vector256.Create((float)(c - 1));
            for (; i + 8 <= mu.Length; i += 8)
            {
                (scale * VectorActivations.Sigmoid(Vector256.LoadUnsafe(ref muRef, (nuint)i))).StoreUnsafe(ref muRef, (nuint)i);
                Softplus(Vector256.LoadUnsafe(ref sigmaRef, (nuint)i)).StoreUnsafe(ref sigmaRef, (nuint)i);
            }
        }

        for (; i < mu.Length; i++)
        {
            mu[i] = (c - 1) * ActivationKernels.Sigmoid(mu[i]);
            sigma[i] = ActivationKernels.Softplus(sigma[i]) + 0.5f;
        }
    }

    /// <summary>R of the remarks: positions further than sigma R from mu carry less than 2^-24 / C of the weight.</summary>
    public static float WindowRadius(int c) => MathF.Sqrt(1f - (2f * NegligibleWeights.ExponentCutoff(c)));

    /// <summary>
    /// context[b, k] = sum_c a center[b, c] with a = softmax over c of -0.5 ((c - mu[b, k]) / sigma[b, k])^2 over the
    /// window, the windows (<see cref="GaussianWindows"/>, <see cref="GaussianWindows.FloatsPer"/> B K floats) and the
    /// inverse of each window's sum of e^(logit - max) [B, K] for the backward pass. <paramref name="lanes"/> (16, 8 or
    /// 1) is the vector width, <see cref="LaneMath.WidestLanes"/> when not given.
    /// </summary>
    public static void Forward(int m, int c, int k, ReadOnlySpan<float> mu, ReadOnlySpan<float> sigma, ReadOnlySpan<float> center,
        Span<float> windows, Span<float> inverseSums, Span<float> context, int? lanes = null)
    {
        var width = lanes ?? LaneMath.WidestLanes;
        GaussianWindows.Compute(c, mu[..(m * k)], sigma, width, windows);
        switch (width)
        {
            case 16:
                Forward<Lanes512, Vector512<float>>(m, c, k, mu, windows, center, inverseSums, context);
                break;
            case 8:
                Forward<Lanes256, Vector256<float>>(m, c, k, mu, windows, center, inverseSums, context);
                break;
            default:
                Forward<Lanes1, float>(m, c, k, mu, windows, center, inverseSums, context);
                break;
        }
    }

    /// <summary>
    /// From d context to d center (added, when <paramref name="dCenter"/> is not empty) and to the gradients of the
    /// mean and scale pre-activations [B, K], without forming d logits: with g = a dctx (center[c] - context),
    /// d mu = sum_c g (c - mu) / sigma^2 and d sigma = sum_c g (c - mu)^2 / sigma^3, over the forward's windows
    /// (<paramref name="windows"/> and <paramref name="lanes"/> as the forward pass gave and was given).
    /// </summary>
    public static void Backward(int m, int c, int k, ReadOnlySpan<float> windows, ReadOnlySpan<float> inverseSums, ReadOnlySpan<float> mu,
        ReadOnlySpan<float> sigma, ReadOnlySpan<float> scaleLogits, ReadOnlySpan<float> center, ReadOnlySpan<float> context, ReadOnlySpan<float> dContext,
        Span<float> dCenter, Span<float> dMeanLogits, Span<float> dScaleLogits, int? lanes = null)
    {
        switch (lanes ?? LaneMath.WidestLanes)
        {
            case 16:
                Backward<Lanes512, Vector512<float>>(m, c, k, windows, inverseSums, mu, center, context, dContext, dCenter, dMeanLogits, dScaleLogits);
                break;
            case 8:
                Backward<Lanes256, Vector256<float>>(m, c, k, windows, inverseSums, mu, center, context, dContext, dCenter, dMeanLogits, dScaleLogits);
                break;
            default:
                Backward<Lanes1, float>(m, c, k, windows, inverseSums, mu, center, context, dContext, dCenter, dMeanLogits, dScaleLogits);
                break;
        }

        ParameterGradients(c, mu, sigma, scaleLogits, dMeanLogits, dScaleLogits);
    }

    /// <summary>The normalised weights as [B, C, K], zero outside each context element's window (for probes).</summary>
    public static unsafe void WeightsCenterMajor(int m, int c, int k, ReadOnlySpan<float> windows, ReadOnlySpan<float> inverseSums, ReadOnlySpan<float> mu, Span<float> full)
    {
        var cutoff = NegligibleWeights.Exp2Cutoff(c);
        full[..(m * c * k)].Clear();
        fixed (float* layout = windows)
        {
            var fields = new GaussianWindows.Fields(layout, m * k);
            for (var i = 0; i < m * k; i++)
            {
                var (b, kk) = Math.DivRem(i, k);
                var start = fields.Starts[i];
                for (var j = 0; j < fields.Counts[i]; j++)
                {
                    var weight = GaussianWeights.Of(start + j - mu[i], fields.Scales[i], fields.Shifts[i], cutoff);
                    full[(((b * c) + start + j) * k) + kk] = weight * inverseSums[i];
                }
            }
        }
    }

    /// <remarks>
    /// Windows go in blocks of one vector's lane count: each window's vector sums are set aside as a row, and
    /// <see cref="IFloatLanes{TVector}.RowSums"/> reduces the block's rows together, which costs a fraction of a
    /// reduction per window.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Forward<TLanes, TVector>(int m, int c, int k, ReadOnlySpan<float> mu, ReadOnlySpan<float> windows, ReadOnlySpan<float> center,
        Span<float> inverseSums, Span<float> context)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        var cutoff = NegligibleWeights.Exp2Cutoff(c);
        var lanes = TLanes.Count;
        var partials = stackalloc float[2 * lanes * lanes]; // the block's vector sums of weights, then of weighted values
        var tails = stackalloc float[2 * lanes];
        fixed (float* layout = windows)
        fixed (float* centerPtr = center)
        fixed (float* muPtr = mu)
        fixed (float* inverseSumsPtr = inverseSums)
        fixed (float* contextPtr = context)
        {
            var fields = new GaussianWindows.Fields(layout, m * k);
            var rows = new GaussianWindows.RowCursor(c, k);
            for (var first = 0; first < m * k; first += lanes)
            {
                var size = Math.Min(lanes, (m * k) - first);
                for (var w = 0; w < size; w++)
                {
                    var i = first + w;
                    var (row, start, count, whole) = (rows.Offset(i), fields.Starts[i], fields.Counts[i], fields.Wholes[i]);
                    var values = centerPtr + row + start;
                    var (mean, scale, shift) = (muPtr[i], fields.Scales[i], fields.Shifts[i]);
                    var (sum, weighted) = ForwardWindow<TLanes, TVector>(values, start, 0, whole, mean, scale, shift, cutoff);
                    TLanes.Store(partials + (w * lanes), sum);
                    TLanes.Store(partials + ((lanes + w) * lanes), weighted);
                    (tails[w], tails[lanes + w]) = ForwardWindow<Lanes1, float>(values, start, whole, count, mean, scale, shift, cutoff);
                }

                var inverse = TLanes.Divide(TLanes.Create(1f), TLanes.Add(TLanes.RowSums(partials), TLanes.Load(tails)));
                var weightedSums = TLanes.Add(TLanes.RowSums(partials + (lanes * lanes)), TLanes.Load(tails + lanes));
                LaneMath.StoreFirst<TLanes, TVector>(inverseSumsPtr + first, inverse, size);
                LaneMath.StoreFirst<TLanes, TVector>(contextPtr + first, TLanes.Multiply(weightedSums, inverse), size);
            }
        }
    }

    /// <remarks>Windows go in blocks, as in <see cref="Forward{TLanes, TVector}"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Backward<TLanes, TVector>(int m, int c, int k, ReadOnlySpan<float> windows, ReadOnlySpan<float> inverseSums, ReadOnlySpan<float> mu,
        ReadOnlySpan<float> center, ReadOnlySpan<float> context, ReadOnlySpan<float> dContext,
        Span<float> dCenter, Span<float> dMuSums, Span<float> dSigmaSums)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        var cutoff = NegligibleWeights.Exp2Cutoff(c);
        var lanes = TLanes.Count;
        var partials = stackalloc float[2 * lanes * lanes]; // the block's vector sums of g (c - mu), then of g (c - mu)^2
        var tails = stackalloc float[2 * lanes];
        fixed (float* layout = windows)
        fixed (float* centerPtr = center)
        fixed (float* dCenterPtr = dCenter)
        fixed (float* muPtr = mu)
        fixed (float* inverseSumsPtr = inverseSums)
        fixed (float* contextPtr = context)
        fixed (float* dContextPtr = dContext)
        fixed (float* dMuPtr = dMuSums)
        fixed (float* dSigmaPtr = dSigmaSums)
        {
            var fields = new GaussianWindows.Fields(layout, m * k);
            var addCenter = !dCenter.IsEmpty;
            var rows = new GaussianWindows.RowCursor(c, k);
            for (var first = 0; first < m * k; first += lanes)
            {
                var size = Math.Min(lanes, (m * k) - first);
                for (var w = 0; w < size; w++)
                {
                    var i = first + w;
                    var (row, start, count, whole) = (rows.Offset(i), fields.Starts[i], fields.Counts[i], fields.Wholes[i]);
                    var values = centerPtr + row + start;
                    var gradients = addCenter ? dCenterPtr + row + start : null;
                    var (dctx, ctx) = (dContextPtr[i] * inverseSumsPtr[i], contextPtr[i]); // the recomputed weights are unnormalised
                    var (mean, scale, shift) = (muPtr[i], fields.Scales[i], fields.Shifts[i]);
                    var (dMu, dSigma) = addCenter
                        ? BackwardWindow<TLanes, TVector, AddsCenterGradient>(values, gradients, start, 0, whole, mean, scale, shift, cutoff, dctx, ctx)
                        : BackwardWindow<TLanes, TVector, NoCenterGradient>(values, gradients, start, 0, whole, mean, scale, shift, cutoff, dctx, ctx);
                    TLanes.Store(partials + (w * lanes), dMu);
                    TLanes.Store(partials + ((lanes + w) * lanes), dSigma);
                    (tails[w], tails[lanes + w]) = addCenter
                        ? BackwardWindow<Lanes1, float, AddsCenterGradient>(values, gradients, start, whole, count, mean, scale, shift, cutoff, dctx, ctx)
                        : BackwardWindow<Lanes1, float, NoCenterGradient>(values, gradients, start, whole, count, mean, scale, shift, cutoff, dctx, ctx);
                }

                LaneMath.StoreFirst<TLanes, TVector>(dMuPtr + first, TLanes.Add(TLanes.RowSums(partials), TLanes.Load(tails)), size);
                LaneMath.StoreFirst<TLanes, TVector>(dSigmaPtr + first, TLanes.Add(TLanes.RowSums(partials + (lanes * lanes)), TLanes.Load(tails + lanes)), size);
            }
        }
    }

    /// <summary>The vector sums of weights and of weighted center values over a window's positions
    /// [<paramref name="from"/>, <paramref name="to"/>), a whole vector at a time (<paramref name="values"/> from the
    /// window's <paramref name="start"/>): the vectors up to <see cref="GaussianWindows.Fields.Wholes"/>, then one lane
    /// for the rest of a window the center had no room to widen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe (TVector Sum, TVector Weighted) ForwardWindow<TLanes, TVector>(float* values, int start, int from, int to, float mu, float scale, float shift, float cutoff)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        var (scaleV, shiftV, cutoffV) = (TLanes.Create(scale), TLanes.Create(shift), TLanes.Create(cutoff));
        var sum = TLanes.Create(0f);
        var weighted = TLanes.Create(0f);
        var (positions, muV) = (TLanes.Add(TLanes.Create(start + from), TLanes.Indices), TLanes.Create(mu)); // whole numbers: exact
        for (var j = from; j < to; j += TLanes.Count)
        {
            var weight = GaussianWeights.Of<TLanes, TVector>(TLanes.Subtract(positions, muV), scaleV, shiftV, cutoffV);
            sum = TLanes.Add(sum, weight);
            weighted = TLanes.MultiplyAdd(weight, TLanes.Load(values + j), weighted);
            positions = TLanes.Add(positions, TLanes.Create(TLanes.Count));
        }

        return (sum, weighted);
    }

    /// <summary>
    /// Over a window's positions [<paramref name="from"/>, <paramref name="to"/>), as <see cref="ForwardWindow"/> goes
    /// through them: adds the weights times <paramref name="dctx"/> to
    /// d center (<paramref name="gradients"/>, when <typeparamref name="TCenter"/> adds) and returns the vector sums of g (c - mu) and
    /// g (c - mu)^2, g = weight dctx (center - context).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe (TVector DMu, TVector DSigma) BackwardWindow<TLanes, TVector, TCenter>(float* values, float* gradients, int start, int from, int to,
        float mu, float scale, float shift, float cutoff, float dctx, float ctx)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
        where TCenter : struct, ICenterGradient
    {
        var (scaleV, shiftV, cutoffV) = (TLanes.Create(scale), TLanes.Create(shift), TLanes.Create(cutoff));
        var (dctxV, ctxV) = (TLanes.Create(dctx), TLanes.Create(ctx));
        var dMu = TLanes.Create(0f);
        var dSigma = TLanes.Create(0f);
        var (positions, muV) = (TLanes.Add(TLanes.Create(start + from), TLanes.Indices), TLanes.Create(mu));
        for (var j = from; j < to; j += TLanes.Count)
        {
            var offsets = TLanes.Subtract(positions, muV);
            var weight = TLanes.Multiply(GaussianWeights.Of<TLanes, TVector>(offsets, scaleV, shiftV, cutoffV), dctxV);
            if (TCenter.Adds)
            {
                TLanes.Store(gradients + j, TLanes.Add(TLanes.Load(gradients + j), weight));
            }

            var gDiff = TLanes.Multiply(TLanes.Multiply(weight, TLanes.Subtract(TLanes.Load(values + j), ctxV)), offsets);
            dMu = TLanes.Add(dMu, gDiff);
            dSigma = TLanes.MultiplyAdd(gDiff, offsets, dSigma);
            positions = TLanes.Add(positions, TLanes.Create(TLanes.Count));
        }

        return (dMu, dSigma);
    }

    /// <summary>Whether a backward loop adds to d center: a type argument, so that each loop is compiled without the test.</summary>
    private interface ICenterGradient
    {
        static abstract bool Adds { get; }
    }

    private readonly struct AddsCenterGradient : ICenterGradient
    {
        public static bool Adds => true;
    }

    private readonly struct NoCenterGradient : ICenterGradient
    {
        public static bool Adds => false;
    }

    /// <summary>
    /// In place: sums of g (c - mu) and g (c - mu)^2 become the gradients of the mean and scale logits, through
    /// mu = (C-1) σ(x) (σ' = u (1 - u) with u = mu / (C-1)) and sigma = softplus(x) + 0.5 (softplus' = σ(x), 1 above
    /// 20 where softplus is the identity).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ParameterGradients(int c, ReadOnlySpan<float> mu, ReadOnlySpan<float> sigma, ReadOnlySpan<float> scaleLogits,
        Span<float> dMean, Span<float> dScale)
    {
        var i = 0;
        for (; i + 8 <= dMean.Length; i += 8)
        {
            var (mean, scale) = ParameterGradients(c, Vector256.Create(mu[i..]), Vector256.Create(sigma[i..]), Vector256.Create(scaleLogits[i..]),
                Vector256.Create(dMean[i..]), Vector256.Create(dScale[i..]));
            mean.CopyTo(dMean[i..]);
            scale.CopyTo(dScale[i..]);
        }

        for (; i < dMean.Length; i++)
        {
            var (mean, scale) = ParameterGradients(c, Vector256.Create(mu[i]), Vector256.Create(sigma[i]), Vector256.Create(scaleLogits[i]),
                Vector256.Create(dMean[i]), Vector256.Create(dScale[i]));
            (dMean[i], dScale[i]) = (mean.ToScalar(), scale.ToScalar());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Mean, Vector256<float> Scale) ParameterGradients(int c, Vector256<float> mu, Vector256<float> sigma,
        Vector256<float> scaleLogits, Vector256<float> dMuSum, Vector256<float> dSigmaSum)
    {
        var sigma2 = sigma * sigma;
        var dMu = dMuSum / sigma2;
        var dSigma = dSigmaSum / (sigma2 * sigma);
        var unit = mu / Vector256.Create((float)(c - 1));
        var mean = c > 1 ? dMu * Vector256.Create((float)(c - 1)) * unit * (Vector256<float>.One - unit) : Vector256<float>.Zero;
        var linear = Vector256.GreaterThan(scaleLogits, Vector256.Create(20f));
        var scale = Vector256.ConditionalSelect(linear, dSigma, dSigma * VectorActivations.Sigmoid(scaleLogits));
        return (mean, scale);
    }

    /// <summary>softplus(x) + 0.5, as <see cref="ActivationKernels.Softplus"/> forms it: x above 20, else log(1 + e^x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Softplus(Vector256<float> x)
    {
        var smooth = Vector256.Log(Vector256<float>.One + VectorActivations.Exp(x));
        return Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(20f)), x, smooth) + Vector256.Create(0.5f);
    }
}
