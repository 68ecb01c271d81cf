namespace ThalNet.TorchSharp.Nn;

/// <summary><c>tanh</c>: tanh(x).</summary>
public sealed class TanhActivation : TorchActivation
{
    /// <inheritdoc/>
    public override Tensor Apply(Tensor x) => x.tanh();
}
