namespace ThalNet.Runtime.Nn;

/// <summary>Linear reading: context = center @ w^T, w [K, C].</summary>
public sealed class LinearReader : StaticReader
{
    public LinearReader(int centerSize, int contextSize, RandomSource random)
        : base(centerSize, contextSize)
    {
        W = AddParameter("w", new Parameter(contextSize, centerSize));
        Init.FanIn(W, centerSize, random);
    }

    public Parameter W { get; }

    protected override Tensor BuildMatrix(Tape tape) => W;
}
