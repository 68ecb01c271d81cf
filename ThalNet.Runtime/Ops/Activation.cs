using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace ThalNet.Runtime;

/// <summary>Element-wise nonlinearities whose derivative can be computed from their output alone (softplus aside).</summary>
public enum Activation
{
    None,
    Relu,
    Tanh,
    Sigmoid,
}

internal static class ActivationKernels
{
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
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>dx = dy * f'(x), written in terms of y = f(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(Activation activation, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        switch (activation)
        {
            case Activation.None:
                dy.CopyTo(dx);
                break;
            case Activation.Relu:
                for (var i = 0; i < y.Length; i++)
                {
                    dx[i] = y[i] > 0f ? dy[i] : 0f;
                }

                break;
            case Activation.Tanh:
                for (var i = 0; i < y.Length; i++)
                {
                    dx[i] = dy[i] * (1f - (y[i] * y[i]));
                }

                break;
            case Activation.Sigmoid:
                for (var i = 0; i < y.Length; i++)
                {
                    dx[i] = dy[i] * y[i] * (1f - y[i]);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>Accumulating form: dx += dy * f'(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BackwardAdd(Activation activation, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        switch (activation)
        {
            case Activation.None:
                Kernels.VectorMath.AddInPlace(dx, dy);
                break;
            case Activation.Relu:
                Kernels.VectorMath.AddReluGrad(y, dy, dx);
                break;
            case Activation.Tanh:
                for (var i = 0; i < y.Length; i++)
                {
                    dx[i] += dy[i] * (1f - (y[i] * y[i]));
                }

                break;
            default:
                for (var i = 0; i < y.Length; i++)
                {
                    dx[i] += dy[i] * y[i] * (1f - y[i]);
                }

                break;
        }
    }

    /// <summary>PyTorch's softplus: log(1 + e^x), and x itself above 20.</summary>
    public static float Softplus(float x) => x > 20f ? x : MathF.Log(1f + MathF.Exp(x));

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
