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
