using System.Runtime.Intrinsics;
using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Optim;

/// <summary>
/// torch.optim.RMSprop without momentum or centering: v = alpha v + (1 - alpha) g^2, p -= lr g / (sqrt(v) + eps).
/// Defaults are PyTorch's (lr 1e-2, alpha 0.99, eps 1e-8); the paper trains with lr 1e-3.
/// </summary>
public sealed class RmsProp : Optimizer
{
    /// <summary>The name of the running average of squared gradients in <see cref="Optimizer.StateTensors"/>, as PyTorch names it.</summary>
    public const string SquareAverageBuffer = "square_avg";

    private readonly float[][] _squareAvg;

    /// <summary>RMSprop over the given parameters.</summary>
    /// <param name="parameters">The parameters with their paths (<c>model.NamedParameters()</c>); the paths name the
    /// state buffers.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="alpha">Decay of the running mean of squared gradients.</param>
    /// <param name="eps">Added to the denominator for stability.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient.</param>
    public RmsProp(IEnumerable<KeyValuePair<string, Parameter>> parameters, float learningRate = 1e-2f, float alpha = 0.99f, float eps = 1e-8f, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        Alpha = alpha;
        Eps = eps;
        WeightDecay = weightDecay;
        _squareAvg = AddBuffer(SquareAverageBuffer);
    }

    /// <summary>Decay of the running mean of squared gradients.</summary>
    public float Alpha { get; }

    /// <summary>Added to the denominator for stability.</summary>
    public float Eps { get; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <summary>One RMSprop update of parameter <paramref name="index"/>.</summary>
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var v = _squareAvg[index].AsSpan();
        var lr = LearningRate;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var alpha = Vector256.Create(Alpha);
            var oneMinusAlpha = Vector256.Create(1f - Alpha);
            var decay = Vector256.Create(WeightDecay);
            var rate = Vector256.Create(lr);
            var eps = Vector256.Create(Eps);
            for (; i + 8 <= parameter.Length; i += 8)
            {
                var p = Vector256.Create(parameter.Slice(i, 8));
                var g = Vector256.Create(gradient.Slice(i, 8)) + (decay * p);
                var vi = (alpha * Vector256.Create(v.Slice(i, 8))) + (oneMinusAlpha * g * g);
                vi.CopyTo(v.Slice(i, 8));
                (p - (rate * g / (Vector256.Sqrt(vi) + eps))).CopyTo(parameter.Slice(i, 8));
            }
        }

        for (; i < parameter.Length; i++)
        {
            var g = gradient[i] + (WeightDecay * parameter[i]);
            v[i] = (Alpha * v[i]) + ((1f - Alpha) * g * g);
            parameter[i] -= lr * g / (MathF.Sqrt(v[i]) + Eps);
        }
    }
}
