namespace ThalNet.Runtime.Kernels;

/// <summary><c>none</c>: y = x.</summary>
internal sealed class IdentityActivation : ActivationFunction
{
    public override bool MayRunInPlace => true;

    public override bool BackwardNeedsInput => false;

    public override void Forward(ReadOnlySpan<float> x, Span<float> y) => x.CopyTo(y);

    public override void BackwardAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) => VectorMath.AddInPlace(dx, dy);
}
