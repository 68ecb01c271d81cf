using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace ThalNet.Runtime.Kernels;

/// <summary>Small vectorised helpers that the backward passes share.</summary>
internal static class VectorMath
{
    /// <summary>dst += src.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddInPlace(Span<float> dst, ReadOnlySpan<float> src) => TensorPrimitives.Add(dst, src, dst);

    /// <summary>
    /// Row r of <paramref name="target"/> = row r of <paramref name="source"/>, for <paramref name="rows"/> rows of
    /// <paramref name="width"/> values whose starts lie a stride apart: a part and its place in a concatenation or
    /// slice along one axis (slice the whole at the place's first column).
    /// </summary>
    public static void CopyRows(ReadOnlySpan<float> source, int sourceStride, Span<float> target, int targetStride, int rows, int width)
    {
        for (var r = 0; r < rows; r++)
        {
            source.Slice(r * sourceStride, width).CopyTo(target.Slice(r * targetStride, width));
        }
    }

    /// <summary>Like <see cref="CopyRows"/>, but adds each row of <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void AddRows(ReadOnlySpan<float> source, int sourceStride, Span<float> target, int targetStride, int rows, int width)
    {
        for (var r = 0; r < rows; r++)
        {
            AddInPlace(target.Slice(r * targetStride, width), source.Slice(r * sourceStride, width));
        }
    }

    /// <summary>db[j] += sum over rows of dy[r, j], for dy [rows, n].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddColumnSums(ReadOnlySpan<float> dy, int rows, int n, Span<float> db)
    {
        for (var r = 0; r < rows; r++)
        {
            AddInPlace(db, dy.Slice(r * n, n));
        }
    }

    /// <summary>dx += (y > 0 ? dy : 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddReluGrad(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= y.Length; i += 8)
            {
                var mask = Vector256.GreaterThan(Vector256.Create(y.Slice(i, 8)), Vector256<float>.Zero);
                var g = Vector256.BitwiseAnd(mask, Vector256.Create(dy.Slice(i, 8)));
                (Vector256.Create(dx.Slice(i, 8)) + g).CopyTo(dx.Slice(i, 8));
            }
        }

        for (; i < y.Length; i++)
        {
            if (y[i] > 0f)
            {
                dx[i] += dy[i];
            }
        }
    }
}
