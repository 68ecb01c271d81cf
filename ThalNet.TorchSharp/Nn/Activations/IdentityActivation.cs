namespace ThalNet.TorchSharp.Nn;

/// <summary><c>none</c>: x itself.</summary>
public sealed class IdentityActivation : TorchActivation
{
    /// <inheritdoc/>
    public override Tensor Apply(Tensor x) => x;
}
