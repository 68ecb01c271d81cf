namespace ThalNet.Runtime.Nn;

/// <summary>PyTorch's nn.Linear: y = x @ weight^T + bias, weight [out, in], with its default initialisation.</summary>
public class Linear : Module
{
    private readonly TransposeCache _weightT = new();

    /// <summary>A linear layer with weight [out, in] and bias [out], initialised U(±1/√in) from <paramref
    /// name="random"/>.</summary>
    /// <param name="inFeatures">Values it reads per row.</param>
    /// <param name="outFeatures">Values it produces per row.</param>
    /// <param name="random">The generator the initial weights are drawn from.</param>
    /// <param name="bias">Whether it has a bias.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
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

    /// <summary>Values it reads per row.</summary>
    public int InFeatures { get; }

    /// <summary>Values it produces per row.</summary>
    public int OutFeatures { get; }

    /// <c>weight</c> [out, in].
    public Parameter Weight { get; }

    /// <c>bias</c> [out]; null when the layer was made without one.
    public Parameter? Bias { get; }

    /// <summary>
    /// x @ weight^T + bias for x [B, in], recorded on <paramref name="tape"/>; the result is [B, out].
    /// </summary>
    public Tensor Forward(Tape tape, Tensor x) => Forward(tape, x, Activation.None);

    /// <summary>
    /// activation(x @ weight^T + bias) in one fused operation, for subclasses that apply an activation.
    /// </summary>
    protected Tensor Forward(Tape tape, Tensor x, Activation activation) =>
        tape.Linear(x, Weight, Bias, activation, _weightT.Get(tape, Weight));
}
