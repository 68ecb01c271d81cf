using System.Numerics.Tensors;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The parts of a product that one-hot columns contribute, without multiplying by zeros. Both give the bits of the
/// full product: each element of a product is one chain of fused multiply-adds, in which a zero term changes nothing
/// and a one adds the other factor with one rounding, in the same order.
/// </summary>
internal static class OneHotProducts
{
    /// <summary>y[i, :] = bias + w[indices[i], :] (or the row alone without a bias), for w [classes, n].</summary>
    public static void GatherRows(ReadOnlySpan<int> indices, ReadOnlySpan<float> w, int n, ReadOnlySpan<float> bias, Span<float> y)
    {
        for (var i = 0; i < indices.Length; i++)
        {
            var row = w.Slice(indices[i] * n, n);
            if (bias.IsEmpty)
            {
                row.CopyTo(y.Slice(i * n, n));
            }
            else
            {
                TensorPrimitives.Add(bias, row, y.Slice(i * n, n));
            }
        }
    }

    /// <summary>grad[j, indices[r]] += dy[r, j] for every row r in order, for dy [rows, n] and grad [n, k].</summary>
    public static void ScatterRows(ReadOnlySpan<int> indices, ReadOnlySpan<float> dy, int n, int k, Span<float> grad)
    {
        for (var r = 0; r < indices.Length; r++)
        {
            var column = indices[r];
            var dyRow = dy.Slice(r * n, n);
            for (var j = 0; j < n; j++)
            {
                grad[(j * k) + column] += dyRow[j];
            }
        }
    }
}
