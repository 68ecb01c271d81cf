using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ThalNet.Runtime.Kernels;

/// <summary><c>tanh</c>: y = tanh(x); f'(x) = 1 - y².</summary>
internal sealed class TanhActivation : ActivationFunction
{
    public override bool MayRunInPlace => true;

    public override bool BackwardNeedsInput => false;

    public override void Forward(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Tanh(x, y);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void BackwardAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (var i = 0; i < y.Length; i++)
        {
            dx[i] += dy[i] * (1f - (y[i] * y[i]));
        }
    }
}
