namespace ThalNet.TorchSharp.Nn;

/// <summary><c>gelu</c>: x Φ(x), exact (torch.nn.GELU()).</summary>
public sealed class GeluActivation : TorchActivation
{
    /// <inheritdoc/>
    public override Tensor Apply(Tensor x) => nn.functional.gelu(x);
}
