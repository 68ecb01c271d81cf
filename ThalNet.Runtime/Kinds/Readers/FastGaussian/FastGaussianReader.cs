namespace ThalNet.Runtime.Nn;

/// <summary>Fast Gaussian reading: one Gaussian window over center positions per context element, placed by the features.</summary>
public sealed class FastGaussianReader : FastReader
{
    public FastGaussianReader(int centerSize, int contextSize, int featureSize, RandomSource random)
        : base(centerSize, contextSize)
    {
        WMean = AddParameter("w_mean", new Parameter(featureSize, contextSize));
        BMean = AddParameter("b_mean", new Parameter(contextSize));
        WScale = AddParameter("w_scale", new Parameter(featureSize, contextSize));
        BScale = AddParameter("b_scale", new Parameter(contextSize));
        foreach (var p in new Tensor[] { WMean, BMean, WScale, BScale })
        {
            Init.FanIn(p, featureSize, random);
        }
    }

    public Parameter WMean { get; }

    public Parameter BMean { get; }

    public Parameter WScale { get; }

    public Parameter BScale { get; }

    public override Tensor Read(Tape tape, Tensor center, Tensor features) =>
        tape.FastGaussianRead(center, features, WMean, BMean, WScale, BScale, Probe);
}
