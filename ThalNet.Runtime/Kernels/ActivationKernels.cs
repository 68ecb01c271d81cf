using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The engine's kernels of the catalog's activations (<see cref="Activation"/>). Every derivative but GELU's is
/// computed from the output alone; GELU's needs the input, which callers keep when <see cref="NeedsInput"/>.
/// </summary>
internal static class ActivationKernels
{
    private const float InvSqrt2 = 0.70710678118654752f;
    private const float InvSqrt2Pi = 0.39894228040143268f;

    /// <summary>Whether the backward pass needs the activation's input as well as its output.</summary>
    public static bool NeedsInput(Activation activation) => activation == Activation.Gelu;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(Activation activation, ReadOnlySpan<float> x, Span<float> y)
    {
        switch (activation)
        {
            case Activation.None:
                x.CopyTo(y);
                break;
            case Activation.Relu:
                TensorPrimitives.Max(x, 0f, y);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(x, y);
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(x, y);
                break;
            case Activation.Gelu:
                for (var i = 0; i < x.Length; i++)
                {
                    y[i] = x[i] * NormalCdf(x[i]);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "The engine has no kernel for this activation.");
        }
    }

    /// <summary>dx = dy * f'(x), written in terms of y = f(x) (and of x for GELU; empty otherwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(Activation activation, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        dx.Clear();
        BackwardAdd(activation, x, y, dy, dx);
    }

    /// <summary>Accumulating form: dx += dy * f'(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BackwardAdd(Activation activation, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        switch (activation)
        {
            case Activation.None:
                VectorMath.AddInPlace(dx, dy);
                break;
            case Activation.Relu:
                VectorMath.AddReluGrad(y, dy, dx);
                break;
            case Activation.Tanh:
                for (var i = 0; i < y.Length; i++)
                {
                    dx[i] += dy[i] * (1f - (y[i] * y[i]));
                }

                break;
            case Activation.Sigmoid:
                for (var i = 0; i < y.Length; i++)
                {
                    dx[i] += dy[i] * y[i] * (1f - y[i]);
                }

                break;
            case Activation.Gelu:
                for (var i = 0; i < x.Length; i++)
                {
                    var v = x[i];
                    dx[i] += dy[i] * (NormalCdf(v) + (v * InvSqrt2Pi * MathF.Exp(-0.5f * v * v)));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "The engine has no kernel for this activation.");
        }
    }

    /// <summary>Φ(x) = (1 + erf(x / √2)) / 2, the exact form torch.nn.GELU() uses.</summary>
    public static float NormalCdf(float x) => 0.5f * (1f + Erf(x * InvSqrt2));

    /// <summary>
    /// erf in double, rounded to float: Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7, about one float
    /// ulp near 1) for |x| ≥ 0.5, and its Maclaurin series below, where the rational form is relatively coarser.
    /// </summary>
    public static float Erf(float value)
    {
        double x = value;
        var a = Math.Abs(x);
        if (a < 0.5)
        {
            // 2/√π (x − x³/3 + x⁵/10 − x⁷/42 + x⁹/216 − x¹¹/1320): the next term is below 1e-9 here.
            var x2 = x * x;
            return (float)(1.1283791670955126 * x * (1 - (x2 * ((1.0 / 3) - (x2 * ((1.0 / 10) - (x2 * ((1.0 / 42) - (x2 * ((1.0 / 216) - (x2 / 1320)))))))))));
        }

        var t = 1 / (1 + (0.3275911 * a));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erf = 1 - (poly * Math.Exp(-a * a));
        return (float)(x < 0 ? -erf : erf);
    }

    /// <summary>PyTorch's softplus: log(1 + e^x), and x itself above 20.</summary>
    public static float Softplus(float x) => x > 20f ? x : MathF.Log(1f + MathF.Exp(x));

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
