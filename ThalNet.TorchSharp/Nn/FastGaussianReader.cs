namespace ThalNet.TorchSharp.Nn;

/// <summary>
/// Fast Gaussian reading: mu = (C-1) sigmoid(features @ w_mean + b_mean), sigma = softplus(features @ w_scale + b_scale) + 0.5,
/// attention softmax_c(-0.5 ((c - mu) / sigma)^2) over center positions c.
/// </summary>
public sealed class FastGaussianReader : FastReader
{
    public FastGaussianReader(int centerSize, int contextSize, int featureSize)
        : base(nameof(FastGaussianReader), centerSize, contextSize)
    {
        WMean = Init.FanIn([featureSize, contextSize], featureSize);
        BMean = Init.FanIn([contextSize], featureSize);
        WScale = Init.FanIn([featureSize, contextSize], featureSize);
        BScale = Init.FanIn([contextSize], featureSize);
        register_parameter("w_mean", WMean);
        register_parameter("b_mean", BMean);
        register_parameter("w_scale", WScale);
        register_parameter("b_scale", BScale);
    }

    public Parameter WMean { get; }

    public Parameter BMean { get; }

    public Parameter WScale { get; }

    public Parameter BScale { get; }

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
