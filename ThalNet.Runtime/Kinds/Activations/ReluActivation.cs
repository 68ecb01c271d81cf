using System.Numerics.Tensors;

namespace ThalNet.Runtime.Kernels;

/// <summary><c>relu</c>: y = max(0, x); dy passes where y &gt; 0.</summary>
internal sealed class ReluActivation : ActivationFunction
{
    public override bool MayRunInPlace => true;

    public override bool BackwardNeedsInput => false;

    public override void Forward(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Max(x, 0f, y);

    public override void BackwardAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) => VectorMath.AddReluGrad(y, dy, dx);
}
