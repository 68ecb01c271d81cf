namespace ThalNet.TorchSharp.Nn;

/// <summary><c>relu</c>: max(0, x).</summary>
public sealed class ReluActivation : TorchActivation
{
    /// <inheritdoc/>
    public override Tensor Apply(Tensor x) => nn.functional.relu(x);
}
