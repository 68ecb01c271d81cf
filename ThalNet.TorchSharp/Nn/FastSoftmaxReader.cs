namespace ThalNet.TorchSharp.Nn;

/// <summary>Fast softmax reading: logits = features @ w + b, [B, C, K], softmax over the center axis.</summary>
public sealed class FastSoftmaxReader : FastReader
{
    public FastSoftmaxReader(int centerSize, int contextSize, int featureSize)
        : base(nameof(FastSoftmaxReader), centerSize, contextSize)
    {
        W = Init.FanIn([featureSize, (long)centerSize * contextSize], featureSize);
        B = Init.FanIn([(long)centerSize * contextSize], featureSize);
        register_parameter("w", W);
        register_parameter("b", B);
    }

    public Parameter W { get; }

    public Parameter B { get; }

    public override Tensor Attention(Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        var logits = (features.matmul(W) + B).view(-1, CenterSize, ContextSize);
        return logits.softmax(1).MoveToOuterDisposeScope();
    }
}
