namespace ThalNet.Runtime.Nn;

/// <summary>A tensor that a module owns and an optimizer updates; it always tracks gradients.</summary>
public sealed class Parameter : Tensor
{
    public Parameter(Shape shape)
        : base(shape, requiresGrad: true)
    {
    }

    public Parameter(params ReadOnlySpan<int> dims)
        : this(new Shape(dims))
    {
    }

    internal override bool IsParameter => true;
}
