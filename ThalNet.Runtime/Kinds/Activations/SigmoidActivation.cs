using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ThalNet.Runtime.Kernels;

/// <summary><c>sigmoid</c>: y = 1 / (1 + e^-x); f'(x) = y (1 - y).</summary>
internal sealed class SigmoidActivation : ActivationFunction
{
    public override bool MayRunInPlace => true;

    public override bool BackwardNeedsInput => false;

    public override void Forward(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Sigmoid(x, y);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void BackwardAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (var i = 0; i < y.Length; i++)
        {
            dx[i] += dy[i] * y[i] * (1f - y[i]);
        }
    }
}
