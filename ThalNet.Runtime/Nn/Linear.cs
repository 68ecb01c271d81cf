namespace ThalNet.Runtime.Nn;

/// <summary>PyTorch's nn.Linear: y = x @ weight^T + bias, weight [out, in], with its default initialisation.</summary>
public class Linear : Module
{
    private readonly TransposeCache _weightT = new();

    public Linear(int inFeatures, int outFeatures, RandomSource random, bool bias = true)
    {
        if (inFeatures < 1 || outFeatures < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inFeatures), $"Linear sizes must be positive; got {inFeatures} -> {outFeatures}.");
        }

        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = AddParameter("weight", new Parameter(outFeatures, inFeatures));
        Init.FanIn(Weight, inFeatures, random);
        if (bias)
        {
            Bias = AddParameter("bias", new Parameter(outFeatures));
            Init.FanIn(Bias, inFeatures, random);
        }
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    public Parameter Weight { get; }

    public Parameter? Bias { get; }

    public Tensor Forward(Tape tape, Tensor x) => Forward(tape, x, Activation.None);

    protected Tensor Forward(Tape tape, Tensor x, Activation activation) =>
        tape.Linear(x, Weight, Bias, activation, _weightT.Get(tape, Weight));
}
