namespace ThalNet.Runtime.Nn;

/// <summary>
/// Weight-normalised reading (the paper's default): context = center @ (beta * w / ||w||_F)^T with one scalar beta.
/// beta starts at ||w||_F, as PyTorch's weight_norm starts its gain, so the initial matrix is w itself.
/// </summary>
public sealed class WeightNormReader : StaticReader
{
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

    public Parameter W { get; }

    public Parameter Beta { get; }

    protected override Tensor BuildMatrix(Tape tape) => tape.WeightNormMatrix(W, Beta);
}
