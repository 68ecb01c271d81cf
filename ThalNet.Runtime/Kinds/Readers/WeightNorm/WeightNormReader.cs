namespace ThalNet.Runtime.Nn;

/// <summary>
/// Weight-normalised reading (the paper's default): context = center @ (beta * w / ||w||_F)^T with one scalar beta.
/// beta starts at ||w||_F, as PyTorch's weight_norm starts its gain, so the initial matrix is w itself.
/// </summary>
public sealed class WeightNormReader : StaticReader
{
    /// <summary>A weight-normalised reader with w [K, C] initialised U(±1/√C) from <paramref name="random"/> and beta =
    /// ||w||_F, so the initial matrix is w.</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <param name="random">The generator the initial weights are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    public WeightNormReader(int centerSize, int contextSize, RandomSource random)
        : base(centerSize, contextSize)
    {
        W = AddParameter("w", new Parameter(contextSize, centerSize));
        Beta = AddParameter("beta", new Parameter(Shape.Scalar));
        Init.FanIn(W, centerSize, random);
        var sum = 0.0;
        foreach (var v in W.Data)
        {
            sum += (double)v * v;
        }

        Beta.Data[0] = (float)Math.Sqrt(sum);
    }

    /// <c>w</c> [K, C], the direction of the reading matrix (its norm is replaced by <see cref="Beta"/>).
    public Parameter W { get; }

    /// <c>beta</c>, a scalar (shape []): the reading matrix's Frobenius norm, learned; it starts at ‖w‖_F.
    public Parameter Beta { get; }

    /// <summary>The reading matrix beta * w / ||w||_F, in one operation with a hand-written backward pass.</summary>
    protected override Tensor BuildMatrix(Tape tape) => tape.WeightNormMatrix(W, Beta);
}
