namespace ThalNet.TorchSharp.Nn;

/// <summary>Linear reading: context = center @ w^T, w [K, C].</summary>
public sealed class LinearReader : StaticReader
{
    public LinearReader(int centerSize, int contextSize)
        : base(nameof(LinearReader), centerSize, contextSize)
    {
        W = Init.FanIn([contextSize, centerSize], centerSize);
        register_parameter("w", W);
    }

    public Parameter W { get; }

    public override Tensor Matrix() => W.alias();
}
