namespace ThalNet.TorchSharp.Nn;

/// <summary>
/// Fast Gaussian reading: mu = (C-1) sigmoid(features @ w_mean + b_mean), sigma = softplus(features @ w_scale + b_scale) + 0.5,
/// attention softmax_c(-0.5 ((c - mu) / sigma)^2) over center positions c.
/// </summary>
public sealed class FastGaussianReader : FastReader
{
    // Fields, not auto-properties: TorchSharp registers them under these names, and to(device) replaces them.
    [ComponentName(Name = "w_mean")]
    private Parameter _wMean;

    [ComponentName(Name = "b_mean")]
    private Parameter _bMean;

    [ComponentName(Name = "w_scale")]
    private Parameter _wScale;

    [ComponentName(Name = "b_scale")]
    private Parameter _bScale;

    public FastGaussianReader(int centerSize, int contextSize, int featureSize)
        : base(nameof(FastGaussianReader), centerSize, contextSize)
    {
        _wMean = Init.FanIn([featureSize, contextSize], featureSize);
        _bMean = Init.FanIn([contextSize], featureSize);
        _wScale = Init.FanIn([featureSize, contextSize], featureSize);
        _bScale = Init.FanIn([contextSize], featureSize);
        RegisterComponents();
    }

    public Parameter WMean => _wMean;

    public Parameter BMean => _bMean;

    public Parameter WScale => _wScale;

    public Parameter BScale => _bScale;

    public override Tensor Attention(Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        var mu = (features.matmul(WMean) + BMean).sigmoid() * (CenterSize - 1);
        var sigma = nn.functional.softplus(features.matmul(WScale) + BScale) + 0.5;
        var positions = torch.arange(CenterSize, dtype: features.dtype, device: features.device).view(1, -1, 1);
        var z = (positions - mu.unsqueeze(1)) / sigma.unsqueeze(1);
        return (z.square() * -0.5).softmax(1).MoveToOuterDisposeScope();
    }
}
