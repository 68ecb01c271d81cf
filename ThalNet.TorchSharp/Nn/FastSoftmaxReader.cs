namespace ThalNet.TorchSharp.Nn;

/// <summary>Fast softmax reading: logits = features @ w + b, [B, C, K], softmax over the center axis.</summary>
public sealed class FastSoftmaxReader : FastReader
{
    // Fields, not auto-properties: TorchSharp registers them under these names, and to(device) replaces them.
    [ComponentName(Name = "w")]
    private Parameter _w;

    [ComponentName(Name = "b")]
    private Parameter _b;

    /// <summary>A fast softmax reader with its parameters initialised U(±1/√F), as PyTorch initialises
    /// nn.Linear.</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <param name="featureSize">F, the reading module's feature size.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    public FastSoftmaxReader(int centerSize, int contextSize, int featureSize)
        : base(nameof(FastSoftmaxReader), centerSize, contextSize)
    {
        _w = Init.FanIn([featureSize, (long)centerSize * contextSize], featureSize);
        _b = Init.FanIn([(long)centerSize * contextSize], featureSize);
        RegisterComponents();
    }

    /// <c>w</c> [F, C*K]: maps the features to the attention logits.
    public Parameter W => _w;

    /// <c>b</c> [C*K]: the bias of the attention logits.
    public Parameter B => _b;

    /// <summary>
    /// The attention [B, C, K] from the features [B, F]: a softmax over the center axis of the logits.
    /// </summary>
    public override Tensor Attention(Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        var logits = (features.matmul(W) + B).view(-1, CenterSize, ContextSize);
        return logits.softmax(1).MoveToOuterDisposeScope();
    }
}
