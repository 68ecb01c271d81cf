namespace ThalNet.Runtime.Nn;

/// <summary>Fast softmax reading: per-example attention over center positions, predicted from the features.</summary>
public sealed class FastSoftmaxReader : FastReader
{
    private readonly TransposeCache _wT = new();

    public FastSoftmaxReader(int centerSize, int contextSize, int featureSize, RandomSource random)
        : base(centerSize, contextSize)
    {
        W = AddParameter("w", new Parameter(featureSize, centerSize * contextSize));
        B = AddParameter("b", new Parameter(centerSize * contextSize));
        Init.FanIn(W, featureSize, random);
        Init.FanIn(B, featureSize, random);
    }

    public Parameter W { get; }

    public Parameter B { get; }

    public override Tensor Read(Tape tape, Tensor center, Tensor features) =>
        tape.FastSoftmaxRead(center, features, W, B, _wT.Get(tape, W), Probe);
}
