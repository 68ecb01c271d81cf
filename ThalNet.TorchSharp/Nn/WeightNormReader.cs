namespace ThalNet.TorchSharp.Nn;

/// <summary>
/// Weight-normalised reading (the paper's default): context = center @ (beta * w / ||w||_F)^T with one scalar beta,
/// which starts at ||w||_F, so the initial matrix is w itself.
/// </summary>
public sealed class WeightNormReader : StaticReader
{
    // Fields, not auto-properties: TorchSharp registers them under these names, and to(device) replaces them.
    [ComponentName(Name = "w")]
    private Parameter _w;

    [ComponentName(Name = "beta")]
    private Parameter _beta;

    public WeightNormReader(int centerSize, int contextSize)
        : base(nameof(WeightNormReader), centerSize, contextSize)
    {
        _w = Init.FanIn([contextSize, centerSize], centerSize);
        using (torch.no_grad())
        {
            _beta = new Parameter(W.norm().detach().clone(), requires_grad: true);
        }

        RegisterComponents();
    }

    public Parameter W => _w;

    /// <summary>The gain, a scalar (shape []).</summary>
    public Parameter Beta => _beta;

    public override Tensor Matrix()
    {
        using var scope = torch.NewDisposeScope();
        return (W * (Beta / W.norm())).MoveToOuterDisposeScope();
    }
}
