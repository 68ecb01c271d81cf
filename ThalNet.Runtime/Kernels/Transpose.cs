using System.Runtime.CompilerServices;
namespace ThalNet.Runtime.Kernels;

internal static class Transpose
{
    /// <summary>dst[c * rows + r] = src[r * cols + c].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(ReadOnlySpan<float> src, int rows, int cols, Span<float> dst)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = src.Slice(r * cols, cols);
            for (var c = 0; c < cols; c++)
            {
                dst[(c * rows) + r] = row[c];
            }
        }
    }
}
