namespace ThalNet.Runtime;

/// <summary>The linear reading mechanism's operation (its module: <see cref="Nn.LinearReader"/>).</summary>
public sealed partial class Tape
{
    /// <summary>Linear reading: context = center @ w^T, w [K, C].</summary>
    public Tensor LinearRead(Tensor center, Tensor w, Tensor? wTransposed = null) => Linear(center, w, null, Activation.None, wTransposed);
}
