using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The engine's kernels of the catalog's activations (<see cref="Activation"/>). Every derivative but GELU's is
/// computed from the output alone; GELU's needs the input, which callers keep when <see cref="NeedsInput"/>.
/// </summary>
internal static class ActivationKernels
{
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

    /// <summary>Φ(x) = (1 + erf(x / √2)) / 2 = erfc(−x / √2) / 2, the exact form torch.nn.GELU() uses.</summary>
    public static float NormalCdf(float x) => (float)(0.5 * Erfc(-x * 0.70710678118654752));

    /// <summary>
    /// erfc in double by the Chebyshev fit of Numerical Recipes (erfcc), whose error is below 1.2e-7 relative to
    /// erfc everywhere: so Φ stays accurate relative to its own size in the far negative tail, where x Φ(x) is tiny.
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var erfc = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? erfc : 2 - erfc;
    }

    /// <summary>PyTorch's softplus: log(1 + e^x), and x itself above 20.</summary>
    public static float Softplus(float x) => x > 20f ? x : MathF.Log(1f + MathF.Exp(x));

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
