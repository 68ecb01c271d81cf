using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The fast Gaussian reader's attention: for each row b and context element k, weights over a window of center
/// positions around the mean. Context elements go 8 to a vector, each lane with its own window start and all 8 with
/// the widest lane's width (the center read and its gradient written through 8 x 8 transposes); a remainder of fewer
/// than 8 elements goes one window at a time. The weights are never stored: the forward pass keeps only the inverse of
/// each window's sum, and the backward pass recomputes e^(logit - max) with the same instructions (so the same
/// values), which costs less than writing [B, K, C] weights and reading them back from memory.
/// </summary>
/// <remarks>
/// Why the skipped positions cannot matter in float32: sigma &gt;= 0.5 and mu lies in [0, C-1], so the nearest position
/// c* is within 0.5 of mu and its logit is at least -0.5 (0.5 / 0.5)^2 = -0.5. A position with |c - mu| &gt; sigma R,
/// R^2 = 1 + 2 ln(C 2^24), has logit - max &lt; -0.5 R^2 + 0.5 = -ln(C 2^24), so its weight is below 2^-24 / C:
/// negligible by the bound of <see cref="NegligibleWeights"/>, which also zeroes such weights inside a window (a
/// window is widened to a multiple of 8, or to its group's width). Their gradients are smaller by the same factor.
/// </remarks>
internal static class FastGaussianKernels
{
    /// <summary>Whether groups of 8 context elements run as vectors.</summary>
    private static bool Grouped => Avx.IsSupported;

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
    /// The first position and count of the positions within sigma R of mu (whole positions, rounded outwards), widened
    /// to a multiple of 8 where the center has room.
    /// </summary>
    public static (int Start, int Count) Window(int c, float mu, float sigma, float radius)
    {
        var reach = sigma * radius;
        var start = (int)MathF.Max(0f, MathF.Floor(mu - reach));
        var end = (int)MathF.Min(c - 1, MathF.Ceiling(mu + reach));
        var count = Math.Max(end - start + 1, 1);
        var padded = (count + 7) & ~7;
        if (padded <= c)
        {
            start = Math.Min(start, c - padded);
            count = padded;
        }

        return (start, Math.Min(count, c - start));
    }

    /// <summary>
    /// The windows of 8 lanes: one width, the widest lane's rounded up to a multiple of 8 where the center has room,
    /// and each lane's start, moved down where needed so that the width fits on the center from every start. Integer clamps keep every index on the center even for NaN parameters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<int> Start, int Width) GroupWindow(int c, Vector256<float> mu, Vector256<float> sigma, float radius)
    {
        var reach = sigma * Vector256.Create(radius);
        var (lastF, last) = (Vector256.Create((float)(c - 1)), Vector256.Create(c - 1));
        var start = Vector256.Min(Vector256.Max(Vector256.ConvertToInt32(Vector256.Min(Vector256.Max(Vector256.Floor(mu - reach), Vector256<float>.Zero), lastF)), Vector256<int>.Zero), last);
        var end = Vector256.Min(Vector256.Max(Vector256.ConvertToInt32(Vector256.Min(Vector256.Max(Vector256.Ceiling(mu + reach), Vector256<float>.Zero), lastF)), Vector256<int>.Zero), last);
        var count = Vector256.Max(end - start, Vector256<int>.Zero);
        var width = 1;
        for (var l = 0; l < 8; l++)
        {
            width = Math.Max(width, count.GetElement(l) + 1);
        }

        width = Math.Min(width, c);
        var padded = (width + 7) & ~7;
        width = padded <= c ? padded : width;
        return (Vector256.Min(start, Vector256.Create(c - width)), width);
    }

    /// <summary>
    /// context[b, k] = sum_c a center[b, c] with a = softmax over c of -0.5 ((c - mu[b, k]) / sigma[b, k])^2 over the
    /// window, and the inverse of each window's sum of e^(logit - max) [B, K] for the backward pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Forward(int m, int c, int k, ReadOnlySpan<float> mu, ReadOnlySpan<float> sigma, ReadOnlySpan<float> center,
        Span<float> inverseSums, Span<float> context)
    {
        var radius = WindowRadius(c);
        var grouped = Grouped ? k & ~7 : 0;
        fixed (float* centerPtr = center)
        {
            for (var b = 0; b < m; b++)
            {
                for (var kk = 0; kk < grouped; kk += 8)
                {
                    ForwardGroup(c, (b * k) + kk, centerPtr + (b * c), mu, sigma, radius, inverseSums, context);
                }

                for (var kk = grouped; kk < k; kk++)
                {
                    var i = (b * k) + kk;
                    var window = new Window1(c, mu[i], sigma[i], radius);
                    var (sum, ctx) = (0f, 0f);
                    for (var j = 0; j < window.Count; j++)
                    {
                        var e = window.Weight(j);
                        sum += e;
                        ctx += e * center[(b * c) + window.Start + j];
                    }

                    inverseSums[i] = 1f / sum;
                    context[i] = ctx * inverseSums[i];
                }
            }
        }
    }

    /// <summary>
    /// From d context to d center (added, when <paramref name="dCenter"/> is not empty) and to the gradients of the
    /// mean and scale pre-activations [B, K], without forming d logits: with g = a dctx (center[c] - context),
    /// d mu = sum_c g (c - mu) / sigma^2 and d sigma = sum_c g (c - mu)^2 / sigma^3, over the forward's windows.
    /// <paramref name="laneScratch"/> holds a group's d center lane by lane: at least <see cref="LaneScratchLength"/>
    /// floats when <paramref name="dCenter"/> is not empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Backward(int m, int c, int k, ReadOnlySpan<float> inverseSums, ReadOnlySpan<float> mu,
        ReadOnlySpan<float> sigma, ReadOnlySpan<float> scaleLogits, ReadOnlySpan<float> center, ReadOnlySpan<float> context, ReadOnlySpan<float> dContext,
        Span<float> dCenter, Span<float> dMeanLogits, Span<float> dScaleLogits, Span<float> laneScratch)
    {
        if (!dCenter.IsEmpty && laneScratch.Length < LaneScratchLength(c))
        {
            throw new ArgumentException($"The lane scratch holds {laneScratch.Length} floats; a center of {c} needs {LaneScratchLength(c)}.", nameof(laneScratch));
        }

        var radius = WindowRadius(c);
        var grouped = Grouped ? k & ~7 : 0;
        fixed (float* centerPtr = center)
        fixed (float* dCenterPtr = dCenter)
        fixed (float* scratchPtr = laneScratch)
        {
            for (var b = 0; b < m; b++)
            {
                var dCenterRow = dCenter.IsEmpty ? null : dCenterPtr + (b * c);
                for (var kk = 0; kk < grouped; kk += 8)
                {
                    var i = (b * k) + kk;
                    var (dMu, dSigma) = BackwardGroup(c, i, centerPtr + (b * c), inverseSums, mu, sigma, context, dContext, dCenterRow, scratchPtr, radius);
                    var (mean, scale) = ParameterGradients(c, Vector256.Create(mu[i..]), Vector256.Create(sigma[i..]), Vector256.Create(scaleLogits[i..]), dMu, dSigma);
                    mean.CopyTo(dMeanLogits[i..]);
                    scale.CopyTo(dScaleLogits[i..]);
                }

                for (var kk = grouped; kk < k; kk++)
                {
                    var i = (b * k) + kk;
                    var window = new Window1(c, mu[i], sigma[i], radius);
                    var (dctx, ctx) = (dContext[i] * inverseSums[i], context[i]);
                    var (dMu, dSigma) = (0f, 0f);
                    for (var j = 0; j < window.Count; j++)
                    {
                        var position = (b * c) + window.Start + j;
                        var weight = window.Weight(j) * dctx;
                        var g = weight * (center[position] - ctx);
                        if (!dCenter.IsEmpty)
                        {
                            dCenter[position] += weight;
                        }

                        var diff = window.Start + j - mu[i];
                        dMu += g * diff;
                        dSigma += g * diff * diff;
                    }

                    var (mean, scale) = ParameterGradients(c, Vector256.Create(mu[i]), Vector256.Create(sigma[i]), Vector256.Create(scaleLogits[i]),
                        Vector256.Create(dMu), Vector256.Create(dSigma));
                    (dMeanLogits[i], dScaleLogits[i]) = (mean.ToScalar(), scale.ToScalar());
                }
            }
        }
    }

    /// <summary>The normalised weights as [B, C, K], zero outside each context element's window (for probes).</summary>
    public static void WeightsCenterMajor(int m, int c, int k, ReadOnlySpan<float> inverseSums, ReadOnlySpan<float> mu, ReadOnlySpan<float> sigma, Span<float> full)
    {
        var radius = WindowRadius(c);
        full[..(m * c * k)].Clear();
        for (var i = 0; i < m * k; i++)
        {
            var (b, kk) = Math.DivRem(i, k);
            var window = new Window1(c, mu[i], sigma[i], radius);
            for (var j = 0; j < window.Count; j++)
            {
                full[(((b * c) + window.Start + j) * k) + kk] = window.Weight(j) * inverseSums[i];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ForwardGroup(int c, int i, float* centerRow, ReadOnlySpan<float> mu, ReadOnlySpan<float> sigma, float radius,
        Span<float> inverseSums, Span<float> context)
    {
        var weights = new GroupWeights(c, mu, sigma, i, radius);
        Span<int> starts = stackalloc int[8];
        weights.Start.CopyTo(starts);
        var lanes = new LaneRows(centerRow, starts);
        Span<Vector256<float>> values = stackalloc Vector256<float>[8];
        Span<Vector256<float>> tileWeights = stackalloc Vector256<float>[8];
        var sums = Vector256<float>.Zero;
        var weighted = Vector256<float>.Zero;
        for (var j0 = 0; j0 < weights.Width; j0 += 8)
        {
            var tile = Math.Min(8, weights.Width - j0);
            lanes.Load(j0, tile, values);
            weights.Tile(j0, tile, tileWeights);
            var (tileSum, tileWeighted) = ForwardTile(values, tileWeights, tile);
            sums += tileSum;
            weighted += tileWeighted;
        }

        var inverse = Vector256<float>.One / sums;
        inverse.CopyTo(inverseSums[i..]);
        (weighted * inverse).CopyTo(context[i..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe (Vector256<float> DMu, Vector256<float> DSigma) BackwardGroup(int c, int i, float* centerRow,
        ReadOnlySpan<float> inverseSums, ReadOnlySpan<float> mu, ReadOnlySpan<float> sigma, ReadOnlySpan<float> context, ReadOnlySpan<float> dContext,
        float* dCenterRow, float* laneGradients, float radius)
    {
        var weights = new GroupWeights(c, mu, sigma, i, radius);
        var dctx = Vector256.Create(dContext[i..]) * Vector256.Create(inverseSums[i..]); // the recomputed weights are unnormalised
        var ctx = Vector256.Create(context[i..]);
        var meanV = Vector256.Create(mu[i..]);
        var dMu = Vector256<float>.Zero;
        var dSigma = Vector256<float>.Zero;
        Span<int> starts = stackalloc int[8];
        weights.Start.CopyTo(starts);
        var lanes = new LaneRows(centerRow, starts);
        var gradients = new LaneRows(dCenterRow, starts);
        var stride = (weights.Width + 7) & ~7;
        Span<Vector256<float>> values = stackalloc Vector256<float>[8];
        Span<Vector256<float>> adds = stackalloc Vector256<float>[8];
        var position = Vector256.ConvertToSingle(weights.Start);
        for (var j0 = 0; j0 < weights.Width; j0 += 8)
        {
            var tile = Math.Min(8, weights.Width - j0);
            lanes.Load(j0, tile, values);
            weights.Tile(j0, tile, adds);
            var (tileMu, tileSigma) = BackwardTile(values, adds, tile, dctx, ctx, position - meanV);
            dMu += tileMu;
            dSigma += tileSigma;
            position += Vector256.Create(8f);
            if (dCenterRow != null)
            {
                LaneRows.StoreLanes(j0, tile, adds, laneGradients, stride);
            }
        }

        if (dCenterRow != null)
        {
            gradients.AddLanes(laneGradients, stride, weights.Width);
        }

        return (dMu, dSigma);
    }

    /// <summary>
    /// One tile of the forward pass: the sums of the weights and of the weighted center values over its positions.
    /// </summary>
    /// <remarks>Its own method so that the accumulators stay in registers (inlined, the compiler keeps them in memory).</remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static (Vector256<float> Sum, Vector256<float> Weighted) ForwardTile(ReadOnlySpan<Vector256<float>> values, ReadOnlySpan<Vector256<float>> weights, int tile)
    {
        var sum = Vector256<float>.Zero;
        var weighted = Vector256<float>.Zero;
        for (var j = 0; j < tile; j++)
        {
            sum += weights[j];
            weighted = Vector256.FusedMultiplyAdd(weights[j], values[j], weighted);
        }

        return (sum, weighted);
    }

    /// <summary>
    /// One tile of the backward pass: weights become their d center (times d context), and the sums of g (c - mu) and
    /// g (c - mu)^2 over its positions, g = weight dctx (center - context).
    /// </summary>
    /// <remarks>Its own method so that the accumulators stay in registers (inlined, the compiler keeps them in memory).</remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static (Vector256<float> DMu, Vector256<float> DSigma) BackwardTile(ReadOnlySpan<Vector256<float>> values, Span<Vector256<float>> weights, int tile,
        Vector256<float> dctx, Vector256<float> ctx, Vector256<float> firstDiff)
    {
        var dMu = Vector256<float>.Zero;
        var dSigma = Vector256<float>.Zero;
        var diff = firstDiff;
        for (var j = 0; j < tile; j++)
        {
            var weight = weights[j] * dctx;
            weights[j] = weight;
            var gDiff = weight * (values[j] - ctx) * diff;
            dMu += gDiff;
            dSigma = Vector256.FusedMultiplyAdd(gDiff, diff, dSigma);
            diff += Vector256<float>.One;
        }

        return (dMu, dSigma);
    }

    /// <summary>The floats <see cref="Backward"/> needs in its lane scratch for a center of <paramref name="c"/>: 8 lanes
    /// of the widest window, rounded up to a multiple of 8.</summary>
    public static int LaneScratchLength(int c) => 8 * ((c + 7) & ~7);

    /// <summary>
    /// e^(logit - max) of 8 lanes' windows (<see cref="GroupWindow"/>), position j of lane l being start[l] + j, a tile
    /// of 8 positions at a time: the forward and backward passes compute the same values from the same instructions.
    /// Zero below the cutoff of <see cref="NegligibleWeights"/>.
    /// </summary>
    private readonly struct GroupWeights
    {
        private readonly Vector256<float> _mean;
        private readonly Vector256<float> _invSigma;
        private readonly Vector256<float> _shift;
        private readonly Vector256<float> _cutoff;
        private readonly Vector256<float> _first;

        public GroupWeights(int c, ReadOnlySpan<float> mu, ReadOnlySpan<float> sigma, int i, float radius)
        {
            _mean = Vector256.Create(mu[i..]);
            var sigmaV = Vector256.Create(sigma[i..]);
            _invSigma = Vector256<float>.One / sigmaV;
            (Start, Width) = GroupWindow(c, _mean, sigmaV, radius);
            var nearest = Vector256.Min(Vector256.Max(Vector256.Round(_mean), Vector256<float>.Zero), Vector256.Create((float)(c - 1)));
            var tNearest = (nearest - _mean) * _invSigma;
            _shift = Vector256.Create(0.5f) * tNearest * tNearest; // -max of the logits: every exponent stays <= 0
            _cutoff = Vector256.Create(NegligibleWeights.ExponentCutoff(c));
            _first = Vector256.ConvertToSingle(Start);
        }

        public Vector256<int> Start { get; }

        public int Width { get; }

        /// <summary>The weights of positions j0 .. j0 + tile - 1 of every lane into weights[0 .. tile).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Tile(int j0, int tile, Span<Vector256<float>> weights)
        {
            for (var j = 0; j < tile; j++)
            {
                var t = (_first + Vector256.Create((float)(j0 + j)) - _mean) * _invSigma;
                var exponent = Vector256.FusedMultiplyAdd(Vector256.Create(-0.5f) * t, t, _shift);
                weights[j] = VectorActivations.Exp(exponent) & Vector256.GreaterThanOrEqual(exponent, _cutoff);
            }
        }
    }

    /// <summary>The same for one context element's window (<see cref="Window"/>), in scalars.</summary>
    private readonly struct Window1
    {
        private readonly float _mean;
        private readonly float _invSigma;
        private readonly float _shift;
        private readonly float _cutoff;

        public Window1(int c, float mu, float sigma, float radius)
        {
            (_mean, _invSigma) = (mu, 1f / sigma);
            (Start, Count) = Window(c, mu, sigma, radius);
            var nearest = Math.Clamp(MathF.Round(mu), 0f, c - 1);
            var tNearest = (nearest - mu) * _invSigma;
            _shift = 0.5f * tNearest * tNearest;
            _cutoff = NegligibleWeights.ExponentCutoff(c);
        }

        public int Start { get; }

        public int Count { get; }

        public float Weight(int j)
        {
            var t = (Start + j - _mean) * _invSigma;
            var exponent = (-0.5f * t * t) + _shift;
            return exponent >= _cutoff ? MathF.Exp(exponent) : 0f;
        }
    }

    /// <summary>
    /// The rows of 8 lanes, each read from its own start: a tile of up to 8 positions of every lane, turned between
    /// position-major vectors (one per position, a lane per element) and each lane's consecutive positions by an
    /// 8 x 8 transpose, so that the center is read and its gradient written with whole-vector loads and stores.
    /// </summary>
    private readonly unsafe ref struct LaneRows(float* row, ReadOnlySpan<int> starts)
    {
        private readonly float* _row = row;
        private readonly ReadOnlySpan<int> _starts = starts;

        /// <summary>values[j] = the value at start[l] + j0 + j of each lane l, for j below <paramref name="tile"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Load(int j0, int tile, Span<Vector256<float>> values)
        {
            if (tile == 8)
            {
                for (var l = 0; l < 8; l++)
                {
                    values[l] = Vector256.Load(_row + _starts[l] + j0);
                }

                Transpose(values);
                return;
            }

            for (var j = 0; j < tile; j++)
            {
                var p = _row + j0 + j;
                values[j] = Vector256.Create(p[_starts[0]], p[_starts[1]], p[_starts[2]], p[_starts[3]], p[_starts[4]], p[_starts[5]], p[_starts[6]], p[_starts[7]]);
            }
        }

        /// <summary>
        /// Stores values[j] (one element per lane) at lanes[l * stride + j0 + j], lane by lane, for j below
        /// <paramref name="tile"/>; values is overwritten.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreLanes(int j0, int tile, Span<Vector256<float>> values, float* lanes, int stride)
        {
            if (tile == 8)
            {
                Transpose(values);
                for (var l = 0; l < 8; l++)
                {
                    values[l].Store(lanes + (l * stride) + j0);
                }

                return;
            }

            for (var j = 0; j < tile; j++)
            {
                for (var l = 0; l < 8; l++)
                {
                    lanes[(l * stride) + j0 + j] = values[j].GetElement(l);
                }
            }
        }

        /// <summary>
        /// Adds each lane's row lanes[l * stride .. + width] at start[l] of the row, one lane after the other.
        /// </summary>
        /// <remarks>
        /// Neighbouring lanes' windows overlap a few positions apart. Adding tile by tile, lane l + 1's load would
        /// overlap lane l's store of a moment before, which the processor cannot forward, and wait for it to reach the
        /// cache; a whole lane at a time puts a lane's worth of stores between them.
        /// </remarks>
        public void AddLanes(float* lanes, int stride, int width)
        {
            var whole = width & ~7;
            for (var l = 0; l < 8; l++)
            {
                var target = _row + _starts[l];
                var source = lanes + (l * stride);
                var j = 0;
                for (; j < whole; j += 8)
                {
                    (Vector256.Load(target + j) + Vector256.Load(source + j)).Store(target + j);
                }

                for (; j < width; j++)
                {
                    target[j] += source[j];
                }
            }
        }
    }

    /// <summary>In place: the 8 x 8 matrix whose rows are <paramref name="rows"/> becomes its transpose.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(Span<Vector256<float>> rows)
    {
        var t0 = Avx.UnpackLow(rows[0], rows[1]);
        var t1 = Avx.UnpackHigh(rows[0], rows[1]);
        var t2 = Avx.UnpackLow(rows[2], rows[3]);
        var t3 = Avx.UnpackHigh(rows[2], rows[3]);
        var t4 = Avx.UnpackLow(rows[4], rows[5]);
        var t5 = Avx.UnpackHigh(rows[4], rows[5]);
        var t6 = Avx.UnpackLow(rows[6], rows[7]);
        var t7 = Avx.UnpackHigh(rows[6], rows[7]);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        rows[0] = Avx.Permute2x128(u0, u4, 0x20);
        rows[1] = Avx.Permute2x128(u1, u5, 0x20);
        rows[2] = Avx.Permute2x128(u2, u6, 0x20);
        rows[3] = Avx.Permute2x128(u3, u7, 0x20);
        rows[4] = Avx.Permute2x128(u0, u4, 0x31);
        rows[5] = Avx.Permute2x128(u1, u5, 0x31);
        rows[6] = Avx.Permute2x128(u2, u6, 0x31);
        rows[7] = Avx.Permute2x128(u3, u7, 0x31);
    }

    /// <summary>
    /// Sums of g (c - mu) and g (c - mu)^2 to the gradients of the mean and scale logits: through mu = (C-1) σ(x)
    /// (σ' = u (1 - u) with u = mu / (C-1)) and sigma = softplus(x) + 0.5 (softplus' = σ(x), 1 above 20 where
    /// softplus is the identity).
    /// </summary>
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
