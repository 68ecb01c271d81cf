using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ThalNet.Runtime.Kernels;

/// <summary>The element-wise part of the fused LSTM cell (gate rows i, f, g, o), forward and backward.</summary>
internal static class LstmKernels
{
    /// <summary>
    /// Adds <paramref name="gh"/> into <paramref name="gates"/> and activates them in place (σ for i, f, o; tanh for
    /// g), then writes c' = f ∘ c + i ∘ g, tanh(c') and h' = o ∘ tanh(c').
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(int m, int hidden, Span<float> gates, ReadOnlySpan<float> gh, ReadOnlySpan<float> c,
        Span<float> cNew, Span<float> cellTanh, Span<float> hNew)
    {
        var h4 = 4 * hidden;
        TensorPrimitives.Add(gates, gh, gates);
        for (var r = 0; r < m; r++)
        {
            var row = gates.Slice(r * h4, h4);
            var ifGates = row.Slice(0, 2 * hidden);
            var g = row.Slice(2 * hidden, hidden);
            var o = row.Slice(3 * hidden, hidden);
            TensorPrimitives.Sigmoid(ifGates, ifGates);
            TensorPrimitives.Tanh(g, g);
            TensorPrimitives.Sigmoid(o, o);
            var i = row.Slice(0, hidden);
            var f = row.Slice(hidden, hidden);
            var cRow = cNew.Slice(r * hidden, hidden);
            TensorPrimitives.Multiply(f, c.Slice(r * hidden, hidden), cRow);
            TensorPrimitives.FusedMultiplyAdd(i, g, cRow, cRow);
            var tRow = cellTanh.Slice(r * hidden, hidden);
            TensorPrimitives.Tanh(cRow, tRow);
            TensorPrimitives.Multiply(o, tRow, hNew.Slice(r * hidden, hidden));
        }
    }

    /// <summary>
    /// Writes the gradient of the gate pre-activations [M, 4H] from dh' and dc' (both [M, H]) and the activated
    /// gates; adds f ∘ dc'_total into dc when given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(int m, int hidden, ReadOnlySpan<float> dh, ReadOnlySpan<float> dcNew, ReadOnlySpan<float> gates,
        ReadOnlySpan<float> c, ReadOnlySpan<float> cellTanh, Span<float> dGates, Span<float> dc)
    {
        var h4 = 4 * hidden;
        for (var r = 0; r < m; r++)
        {
            var row = gates.Slice(r * h4, h4);
            var dRow = dGates.Slice(r * h4, h4);
            for (var j = 0; j < hidden; j++)
            {
                var o = r * hidden;
                var i = row[j];
                var f = row[hidden + j];
                var g = row[(2 * hidden) + j];
                var og = row[(3 * hidden) + j];
                var t = cellTanh[o + j];
                var dhj = dh[o + j];
                var dcTotal = dcNew[o + j] + (dhj * og * (1f - (t * t)));
                dRow[j] = dcTotal * g * i * (1f - i);
                dRow[hidden + j] = dcTotal * c[o + j] * f * (1f - f);
                dRow[(2 * hidden) + j] = dcTotal * i * (1f - (g * g));
                dRow[(3 * hidden) + j] = dhj * t * og * (1f - og);
                if (!dc.IsEmpty)
                {
                    dc[o + j] += dcTotal * f;
                }
            }
        }
    }
}
