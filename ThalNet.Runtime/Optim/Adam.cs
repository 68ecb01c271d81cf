using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Optim;

/// <summary>torch.optim.Adam with bias correction; defaults lr 1e-3, betas (0.9, 0.999), eps 1e-8.</summary>
public sealed class Adam : Optimizer
{
    /// <summary>The name of the first-moment buffer in <see cref="Optimizer.StateTensors"/>, as PyTorch names it.</summary>
    public const string AverageBuffer = "exp_avg";

    /// <summary>The name of the second-moment buffer in <see cref="Optimizer.StateTensors"/>, as PyTorch names it.</summary>
    public const string SquareAverageBuffer = "exp_avg_sq";

    private readonly float[][] _expAvg;
    private readonly float[][] _expAvgSq;

    /// <summary>Adam over the given parameters.</summary>
    /// <param name="parameters">The parameters with their paths (<c>model.NamedParameters()</c>); the paths name the
    /// state buffers.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="beta1">Decay of the running mean of gradients.</param>
    /// <param name="beta2">Decay of the running mean of squared gradients.</param>
    /// <param name="eps">Added to the denominator for stability.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient (PyTorch's Adam, not AdamW).</param>
    public Adam(IEnumerable<KeyValuePair<string, Parameter>> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        _expAvg = AddBuffer(AverageBuffer);
        _expAvgSq = AddBuffer(SquareAverageBuffer);
    }

    /// <summary>Decay of the running mean of gradients.</summary>
    public float Beta1 { get; }

    /// <summary>Decay of the running mean of squared gradients.</summary>
    public float Beta2 { get; }

    /// <summary>Added to the denominator for stability.</summary>
    public float Eps { get; }

    /// <summary>L2 penalty added to the gradient before the moments.</summary>
    public float WeightDecay { get; }

    /// <summary>One Adam update of parameter <paramref name="index"/> with bias-corrected moments.</summary>
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var m = _expAvg[index];
        var v = _expAvgSq[index];
        var t = (double)StepCount;
        var stepSize = (float)(LearningRate / (1 - Math.Pow(Beta1, t)));
        var correction2Sqrt = (float)Math.Sqrt(1 - Math.Pow(Beta2, t));
        for (var i = 0; i < parameter.Length; i++)
        {
            var g = gradient[i] + (WeightDecay * parameter[i]);
            m[i] = (Beta1 * m[i]) + ((1f - Beta1) * g);
            v[i] = (Beta2 * v[i]) + ((1f - Beta2) * g * g);
            var denom = (MathF.Sqrt(v[i]) / correction2Sqrt) + Eps;
            parameter[i] -= stepSize * m[i] / denom;
        }
    }
}
