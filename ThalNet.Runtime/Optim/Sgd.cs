using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Optim;

/// <summary>torch.optim.SGD: with momentum, buf = momentum buf + g (the first step sets buf = g), p -= lr buf.</summary>
public sealed class Sgd : Optimizer
{
    private readonly float[][] _momentumBuffer;

    public Sgd(IEnumerable<KeyValuePair<string, Parameter>> parameters, float learningRate, float momentum = 0f, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        Momentum = momentum;
        WeightDecay = weightDecay;
        _momentumBuffer = AddBuffer("momentum_buffer");
    }

    public float Momentum { get; }

    public float WeightDecay { get; }

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
