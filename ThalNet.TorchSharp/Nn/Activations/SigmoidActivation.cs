namespace ThalNet.TorchSharp.Nn;

/// <summary><c>sigmoid</c>: 1 / (1 + e^-x).</summary>
public sealed class SigmoidActivation : TorchActivation
{
    /// <inheritdoc/>
    public override Tensor Apply(Tensor x) => x.sigmoid();
}
