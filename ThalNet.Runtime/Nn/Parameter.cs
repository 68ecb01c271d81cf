namespace ThalNet.Runtime.Nn;

/// <summary>A tensor that a module owns and an optimizer updates; it always tracks gradients.</summary>
public sealed class Parameter : Tensor
{
    /// <summary>A zero-filled parameter of the given shape.</summary>
    public Parameter(Shape shape)
        : base(shape, requiresGrad: true)
    {
    }

    /// <summary>A zero-filled parameter with the given dimensions, outermost first.</summary>
    public Parameter(params ReadOnlySpan<int> dims)
        : this(new Shape(dims))
    {
    }

    internal override bool IsParameter => true;
}
