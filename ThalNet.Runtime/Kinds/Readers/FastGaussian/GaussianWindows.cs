using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// Every context element's window of a batch, computed 8 at a time once per forward pass and kept for the backward
/// pass, in one float buffer of <see cref="FloatsPer"/> n floats laid out field by field (starts, counts, whole
/// counts as ints, then the scales and shifts of <see cref="GaussianWeights"/>).
/// </summary>
/// <remarks>
/// A window covers the positions within sigma R of mu (<see cref="FastGaussianKernels.WindowRadius"/>; whole positions,
/// rounded outwards), widened to a multiple of the vector width (a power of two) where the center has room. Clamps in
/// float and then in int keep every index on the center even for NaN parameters.
/// </remarks>
internal static class GaussianWindows
{
    /// <summary>Floats the layout takes per window.</summary>
    public const int FloatsPer = 5;

    /// <summary>Fills <paramref name="layout"/> (<see cref="FloatsPer"/> times as long as <paramref name="mu"/>).</summary>
    /// <param name="c">The center's width.</param>
    /// <param name="mu">The mean positions, in [0, C-1].</param>
    /// <param name="sigma">The widths, at least 0.5.</param>
    /// <param name="lanes">Floats per vector of the kernels that read the windows (a power of two: 16, 8 or 1).</param>
    /// <param name="layout">The windows.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(int c, ReadOnlySpan<float> mu, ReadOnlySpan<float> sigma, int lanes, Span<float> layout)
    {
        var n = mu.Length;
        var radius = FastGaussianKernels.WindowRadius(c);
        Span<float> muRest = stackalloc float[8];
        Span<float> sigmaRest = stackalloc float[8];
        Span<float> rest = stackalloc float[8 * FloatsPer];
        for (var i = 0; i < n; i += 8)
        {
            if (i + 8 <= n)
            {
                Compute8(c, Vector256.Create(mu[i..]), Vector256.Create(sigma[i..]), radius, lanes, layout, n, i);
                continue;
            }

            // the last few: padded with copies of the first window, of which only the real ones are kept
            muRest.Fill(mu[0]);
            sigmaRest.Fill(sigma[0]);
            mu[i..].CopyTo(muRest);
            sigma[i..].CopyTo(sigmaRest);
            Compute8(c, Vector256.Create(muRest), Vector256.Create(sigmaRest), radius, lanes, rest, 8, 0);
            for (var field = 0; field < FloatsPer; field++)
            {
                rest.Slice(field * 8, n - i).CopyTo(layout[((field * n) + i)..]);
            }
        }
    }

    /// <summary>Where window i's center row starts, for windows visited in order (K windows to a row of C).</summary>
    public struct RowCursor
    {
        private readonly int _c;
        private readonly int _k;
        private int _offset;
        private int _nextRow;

        /// <param name="c">The center's width.</param>
        /// <param name="k">The windows per row.</param>
        public RowCursor(int c, int k) => (_c, _k, _nextRow) = (c, k, k);

        /// <summary>The offset of window <paramref name="i"/>'s row: i is the previous call's or the next one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Offset(int i)
        {
            if (i >= _nextRow)
            {
                (_offset, _nextRow) = (_offset + _c, _nextRow + _k);
            }

            return _offset;
        }
    }

    /// <summary>The fields of the layout at <paramref name="layout"/> as arrays, for the kernels' loops.</summary>
    public readonly unsafe struct Fields(float* layout, int n)
    {
        /// <summary>The windows' first positions.</summary>
        public readonly int* Starts = (int*)layout;

        /// <summary>The windows' position counts.</summary>
        public readonly int* Counts = (int*)layout + n;

        /// <summary>The positions that go a whole vector at a time (all of them at one lane; fewer only where the center
        /// had no room to widen the window).</summary>
        public readonly int* Wholes = (int*)layout + (2 * n);

        /// <summary>√(log2(e) / 2) / sigma (<see cref="GaussianWeights"/>).</summary>
        public readonly float* Scales = layout + (3 * n);

        /// <summary>log2(e) 0.5 ((c* - mu) / sigma)^2 for the position c* nearest mu: minus the largest logit, so every
        /// exponent stays at or below 0.</summary>
        public readonly float* Shifts = layout + (4 * n);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Compute8(int c, Vector256<float> mu, Vector256<float> sigma, float radius, int lanes, Span<float> layout, int n, int i)
    {
        var reach = sigma * Vector256.Create(radius);
        var (lastF, last) = (Vector256.Create((float)(c - 1)), Vector256.Create(c - 1));
        var start = ClampedIndex(Vector256.Floor(mu - reach), lastF, last);
        var end = ClampedIndex(Vector256.Ceiling(mu + reach), lastF, last);
        var count = Vector256.Max(end - start + Vector256<int>.One, Vector256<int>.One);
        var padded = (count + Vector256.Create(lanes - 1)) & Vector256.Create(-lanes);
        var fits = Vector256.LessThanOrEqual(padded, Vector256.Create(c));
        start = Vector256.ConditionalSelect(fits, Vector256.Min(start, Vector256.Create(c) - padded), start);
        count = Vector256.Min(Vector256.ConditionalSelect(fits, padded, count), Vector256.Create(c) - start);
        var whole = count & Vector256.Create(-lanes);
        var invSigma = Vector256<float>.One / sigma;
        var nearest = Vector256.Min(Vector256.Max(Vector256.Round(mu), Vector256<float>.Zero), lastF);
        var tNearest = (nearest - mu) * invSigma;
        var ints = MemoryMarshal.Cast<float, int>(layout);
        start.CopyTo(ints[i..]);
        count.CopyTo(ints[(n + i)..]);
        whole.CopyTo(ints[((2 * n) + i)..]);
        (invSigma * Vector256.Create(MathF.Sqrt(NegligibleWeights.Log2E / 2))).CopyTo(layout[((3 * n) + i)..]);
        (Vector256.Create(NegligibleWeights.Log2E / 2) * tNearest * tNearest).CopyTo(layout[((4 * n) + i)..]);
    }

    private static Vector256<int> ClampedIndex(Vector256<float> position, Vector256<float> lastF, Vector256<int> last) =>
        Vector256.Min(Vector256.Max(Vector256.ConvertToInt32(Vector256.Min(Vector256.Max(position, Vector256<float>.Zero), lastF)), Vector256<int>.Zero), last);
}
