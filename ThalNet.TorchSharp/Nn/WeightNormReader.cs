namespace ThalNet.TorchSharp.Nn;

/// <summary>
/// Weight-normalised reading (the paper's default): context = center @ (beta * w / ||w||_F)^T with one scalar beta,
/// which starts at ||w||_F, so the initial matrix is w itself.
/// </summary>
public sealed class WeightNormReader : StaticReader
{
    public WeightNormReader(int centerSize, int contextSize)
        : base(nameof(WeightNormReader), centerSize, contextSize)
    {
        W = Init.FanIn([contextSize, centerSize], centerSize);
        using (torch.no_grad())
        {
            Beta = new Parameter(W.norm().detach().clone(), requires_grad: true);
        }

        register_parameter("w", W);
        register_parameter("beta", Beta);
    }

    public Parameter W { get; }

    /// <summary>The gain, a scalar (shape []).</summary>
    public Parameter Beta { get; }

    public override Tensor Matrix()
    {
        using var scope = torch.NewDisposeScope();
        return (W * (Beta / W.norm())).MoveToOuterDisposeScope();
    }
}
