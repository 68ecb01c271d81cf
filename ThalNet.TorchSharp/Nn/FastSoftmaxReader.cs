namespace ThalNet.TorchSharp.Nn;

/// <summary>Fast softmax reading: logits = features @ w + b, [B, C, K], softmax over the center axis.</summary>
public sealed class FastSoftmaxReader : FastReader
{
    // Fields, not auto-properties: TorchSharp registers them under these names, and to(device) replaces them.
    [ComponentName(Name = "w")]
    private Parameter _w;

    [ComponentName(Name = "b")]
    private Parameter _b;

    public FastSoftmaxReader(int centerSize, int contextSize, int featureSize)
        : base(nameof(FastSoftmaxReader), centerSize, contextSize)
    {
        _w = Init.FanIn([featureSize, (long)centerSize * contextSize], featureSize);
        _b = Init.FanIn([(long)centerSize * contextSize], featureSize);
        RegisterComponents();
    }

    public Parameter W => _w;

    public Parameter B => _b;

    public override Tensor Attention(Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        var logits = (features.matmul(W) + B).view(-1, CenterSize, ContextSize);
        return logits.softmax(1).MoveToOuterDisposeScope();
    }
}
