using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace ThalNet.Runtime.Kernels;

/// <summary>The element-wise part of the fused GRU cell (gate rows r, z, n), forward and backward.</summary>
internal static class GruKernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(int m, int hidden, ReadOnlySpan<float> gi, ReadOnlySpan<float> gh, ReadOnlySpan<float> h,
        Span<float> rz, Span<float> n, Span<float> y)
    {
        var h2 = 2 * hidden;
        var h3 = 3 * hidden;
        for (var r = 0; r < m; r++)
        {
            TensorPrimitives.Add(gi.Slice(r * h3, h2), gh.Slice(r * h3, h2), rz.Slice(r * h2, h2));
        }

        TensorPrimitives.Sigmoid(rz, rz);
        for (var r = 0; r < m; r++)
        {
            var nRow = n.Slice(r * hidden, hidden);
            TensorPrimitives.FusedMultiplyAdd(rz.Slice(r * h2, hidden), gh.Slice((r * h3) + h2, hidden), gi.Slice((r * h3) + h2, hidden), nRow);
        }

        TensorPrimitives.Tanh(n, n);
        for (var r = 0; r < m; r++)
        {
            var z = rz.Slice((r * h2) + hidden, hidden);
            var nRow = n.Slice(r * hidden, hidden);
            var hRow = h.Slice(r * hidden, hidden);
            var yRow = y.Slice(r * hidden, hidden);
            TensorPrimitives.Subtract(hRow, nRow, yRow);
            TensorPrimitives.FusedMultiplyAdd(z, yRow, nRow, yRow);
        }
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
