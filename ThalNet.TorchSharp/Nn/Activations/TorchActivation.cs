namespace ThalNet.TorchSharp.Nn;

/// <summary>
/// TorchSharp's implementation of one activation of the catalog (<see cref="ThalNet.Specs.Activation"/>), applied
/// by <see cref="FeedForward"/> after its linear map; <see cref="TorchActivations.For"/> finds it through the catalog.
/// </summary>
public abstract class TorchActivation
{
    /// <summary>f(x), elementwise, as a new tensor of x's shape (x is not modified, so autograd sees it).</summary>
    public abstract Tensor Apply(Tensor x);
}
