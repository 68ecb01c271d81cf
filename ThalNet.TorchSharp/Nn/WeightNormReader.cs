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

    /// <summary>A weight-normalised reader with w [K, C] initialised U(±1/√C) and beta = ||w||_F.</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
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

    /// <c>w</c> [K, C], the direction of the reading matrix (its norm is replaced by <see cref="Beta"/>).
    public Parameter W => _w;

    /// <summary>The gain, a scalar (shape []).</summary>
    public Parameter Beta => _beta;

    /// <summary>The reading matrix [K, C] = beta * w / ||w||_F, part of the graph.</summary>
    public override Tensor Matrix()
    {
        using var scope = torch.NewDisposeScope();
        return (W * (Beta / W.norm())).MoveToOuterDisposeScope();
    }
}
