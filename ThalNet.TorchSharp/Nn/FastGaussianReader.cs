using ThalNet.Specs;

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

    /// <summary>A fast Gaussian reader with its weights initialised U(±1/√F), as PyTorch initialises nn.Linear, and
    /// its biases at <see cref="GaussianWindowStart"/> (windows spread evenly over the center).</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <param name="featureSize">F, the reading module's feature size.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    public FastGaussianReader(int centerSize, int contextSize, int featureSize)
        : base(nameof(FastGaussianReader), centerSize, contextSize)
    {
        _wMean = Init.FanIn([featureSize, contextSize], featureSize);
        _bMean = Init.Values(GaussianWindowStart.MeanLogits(contextSize));
        _wScale = Init.FanIn([featureSize, contextSize], featureSize);
        _bScale = Init.Values(GaussianWindowStart.ScaleLogits(centerSize, contextSize));
        RegisterComponents();
    }

    /// <c>w_mean</c> [F, K]: maps the features to each context element's mean position (before the sigmoid).
    public Parameter WMean => _wMean;

    /// <c>b_mean</c> [K]: the bias of the mean positions.
    public Parameter BMean => _bMean;

    /// <c>w_scale</c> [F, K]: maps the features to each context element's width (before the softplus).
    public Parameter WScale => _wScale;

    /// <c>b_scale</c> [K]: the bias of the widths.
    public Parameter BScale => _bScale;

    /// <summary>
    /// The Gaussian attention [B, C, K] from the features [B, F]; each column sums to 1 over the center.
    /// </summary>
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
