namespace ThalNet.Runtime.Nn;

/// <summary>Linear reading: context = center @ w^T, w [K, C].</summary>
public sealed class LinearReader : StaticReader
{
    /// <summary>A linear reader with w [K, C] initialised U(±1/√C) from <paramref name="random"/>.</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <param name="random">The generator the initial weights are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    public LinearReader(int centerSize, int contextSize, RandomSource random)
        : base(centerSize, contextSize)
    {
        W = AddParameter("w", new Parameter(contextSize, centerSize));
        Init.FanIn(W, centerSize, random);
    }

    /// <c>w</c> [K, C], the reading matrix itself.
    public Parameter W { get; }

    /// <summary>The reading matrix: <see cref="W"/> itself.</summary>
    protected override Tensor BuildMatrix(Tape tape) => W;
}
