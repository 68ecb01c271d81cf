using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ThalNet.Runtime.Kernels;

/// <summary>The element-wise part of the fused GRU cell (gate rows r, z, n), forward and backward.</summary>
internal static class GruKernels
{
    /// <summary>
    /// rz = σ(gi_rz + gh_rz), n = tanh(gi_n + r ∘ gh_n), y = n + z ∘ (h − n), one pass over each row with the gates
    /// in registers (8 lanes at a time; a row's last lanes go through a padded vector, so every element takes the
    /// same path). Separate vector calls per gate and row cost more than the arithmetic at recurrent sizes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(int m, int hidden, ReadOnlySpan<float> gi, ReadOnlySpan<float> gh, ReadOnlySpan<float> h,
        Span<float> rz, Span<float> n, Span<float> y)
    {
        var h2 = 2 * hidden;
        var h3 = 3 * hidden;
        Span<float> padded = stackalloc float[Lanes];
        for (var row = 0; row < m; row++)
        {
            var giRow = gi.Slice(row * h3, h3);
            var ghRow = gh.Slice(row * h3, h3);
            var hRow = h.Slice(row * hidden, hidden);
            var rzRow = rz.Slice(row * h2, h2);
            var nRow = n.Slice(row * hidden, hidden);
            var yRow = y.Slice(row * hidden, hidden);
            var j = 0;
            for (; j + Lanes <= hidden; j += Lanes)
            {
                var (r, z, nv, yv) = Gates(
                    Vector256.Create(giRow[j..]), Vector256.Create(giRow[(hidden + j)..]), Vector256.Create(giRow[(h2 + j)..]),
                    Vector256.Create(ghRow[j..]), Vector256.Create(ghRow[(hidden + j)..]), Vector256.Create(ghRow[(h2 + j)..]),
                    Vector256.Create(hRow[j..]));
                r.CopyTo(rzRow[j..]);
                z.CopyTo(rzRow[(hidden + j)..]);
                nv.CopyTo(nRow[j..]);
                yv.CopyTo(yRow[j..]);
            }

            if (j < hidden)
            {
                var rest = hidden - j;
                var (r, z, nv, yv) = Gates(
                    Padded(giRow.Slice(j, rest), padded), Padded(giRow.Slice(hidden + j, rest), padded), Padded(giRow.Slice(h2 + j, rest), padded),
                    Padded(ghRow.Slice(j, rest), padded), Padded(ghRow.Slice(hidden + j, rest), padded), Padded(ghRow.Slice(h2 + j, rest), padded),
                    Padded(hRow[j..], padded));
                StorePrefix(r, rzRow.Slice(j, rest));
                StorePrefix(z, rzRow.Slice(hidden + j, rest));
                StorePrefix(nv, nRow.Slice(j, rest));
                StorePrefix(yv, yRow.Slice(j, rest));
            }
        }
    }

    private const int Lanes = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> R, Vector256<float> Z, Vector256<float> N, Vector256<float> Y) Gates(
        Vector256<float> giR, Vector256<float> giZ, Vector256<float> giN,
        Vector256<float> ghR, Vector256<float> ghZ, Vector256<float> ghN, Vector256<float> h)
    {
        var r = VectorActivations.Sigmoid(giR + ghR);
        var z = VectorActivations.Sigmoid(giZ + ghZ);
        var n = VectorActivations.Tanh(Vector256.FusedMultiplyAdd(r, ghN, giN));
        return (r, z, n, Vector256.FusedMultiplyAdd(z, h - n, n));
    }

    /// <summary>The first lanes from <paramref name="values"/> (fewer than 8), the rest zero, through <paramref name="scratch"/>.</summary>
    private static Vector256<float> Padded(ReadOnlySpan<float> values, Span<float> scratch)
    {
        scratch.Clear();
        values.CopyTo(scratch);
        return Vector256.Create(scratch);
    }

    private static void StorePrefix(Vector256<float> value, Span<float> destination)
    {
        Span<float> lanes = stackalloc float[Lanes];
        value.CopyTo(lanes);
        lanes[..destination.Length].CopyTo(destination);
    }

    /// <summary>Writes the gradients of the pre-activations dgi, dgh [M, 3H]; adds z ∘ dy into dh when given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(int m, int hidden, ReadOnlySpan<float> dy, ReadOnlySpan<float> h, ReadOnlySpan<float> gh,
        ReadOnlySpan<float> rz, ReadOnlySpan<float> n, Span<float> dgi, Span<float> dgh, Span<float> dh)
    {
        var h2 = 2 * hidden;
        var h3 = 3 * hidden;
        var one = Vector256.Create(1f);
        for (var row = 0; row < m; row++)
        {
            var o = row * hidden;
            var gRow = dy.Slice(o, hidden);
            var hRow = h.Slice(o, hidden);
            var nRow = n.Slice(o, hidden);
            var rRow = rz.Slice(row * h2, hidden);
            var zRow = rz.Slice((row * h2) + hidden, hidden);
            var ghnRow = gh.Slice((row * h3) + h2, hidden);
            var dgiRow = dgi.Slice(row * h3, h3);
            var dghRow = dgh.Slice(row * h3, h3);
            var dhRow = dh.IsEmpty ? Span<float>.Empty : dh.Slice(o, hidden);
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 8 <= hidden; j += 8)
                {
                    var g = Vector256.Create(gRow.Slice(j, 8));
                    var r = Vector256.Create(rRow.Slice(j, 8));
                    var z = Vector256.Create(zRow.Slice(j, 8));
                    var nv = Vector256.Create(nRow.Slice(j, 8));
                    var hv = Vector256.Create(hRow.Slice(j, 8));
                    var dpreN = g * (one - z) * (one - (nv * nv));
                    var dpreR = dpreN * Vector256.Create(ghnRow.Slice(j, 8)) * r * (one - r);
                    var dpreZ = g * (hv - nv) * z * (one - z);
                    dpreR.CopyTo(dgiRow.Slice(j, 8));
                    dpreZ.CopyTo(dgiRow.Slice(hidden + j, 8));
                    dpreN.CopyTo(dgiRow.Slice(h2 + j, 8));
                    dpreR.CopyTo(dghRow.Slice(j, 8));
                    dpreZ.CopyTo(dghRow.Slice(hidden + j, 8));
                    (dpreN * r).CopyTo(dghRow.Slice(h2 + j, 8));
                    if (!dhRow.IsEmpty)
                    {
                        (Vector256.Create(dhRow.Slice(j, 8)) + (g * z)).CopyTo(dhRow.Slice(j, 8));
                    }
                }
            }

            for (; j < hidden; j++)
            {
                var g = gRow[j];
                var r = rRow[j];
                var z = zRow[j];
                var nv = nRow[j];
                var dpreN = g * (1f - z) * (1f - (nv * nv));
                var dpreR = dpreN * ghnRow[j] * r * (1f - r);
                var dpreZ = g * (hRow[j] - nv) * z * (1f - z);
                dgiRow[j] = dpreR;
                dgiRow[hidden + j] = dpreZ;
                dgiRow[h2 + j] = dpreN;
                dghRow[j] = dpreR;
                dghRow[hidden + j] = dpreZ;
                dghRow[h2 + j] = dpreN * r;
                if (!dhRow.IsEmpty)
                {
                    dhRow[j] += g * z;
                }
            }
        }
    }
}
