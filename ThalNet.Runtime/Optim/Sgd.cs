using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Optim;

/// <summary>torch.optim.SGD: with momentum, buf = momentum buf + g (the first step sets buf = g), p -= lr buf.</summary>
public sealed class Sgd : Optimizer
{
    private readonly float[][] _momentumBuffer;

    /// <summary>SGD over the given parameters.</summary>
    /// <param name="parameters">The parameters with their paths; the paths name the momentum buffers.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="momentum">The momentum factor; 0 for plain SGD.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient.</param>
    public Sgd(IEnumerable<KeyValuePair<string, Parameter>> parameters, float learningRate, float momentum = 0f, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        Momentum = momentum;
        WeightDecay = weightDecay;
        _momentumBuffer = AddBuffer("momentum_buffer");
    }

    /// <summary>The momentum factor; 0 for plain SGD.</summary>
    public float Momentum { get; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <summary>One SGD update of parameter <paramref name="index"/>, with momentum when set.</summary>
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var buf = _momentumBuffer[index];
        var first = StepCount == 1;
        for (var i = 0; i < parameter.Length; i++)
        {
            var g = gradient[i] + (WeightDecay * parameter[i]);
            if (Momentum != 0f)
            {
                buf[i] = first ? g : (Momentum * buf[i]) + g;
                g = buf[i];
            }

            parameter[i] -= LearningRate * g;
        }
    }
}
