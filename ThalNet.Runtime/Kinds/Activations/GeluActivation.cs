using System.Runtime.CompilerServices;

namespace ThalNet.Runtime.Kernels;

/// <summary><c>gelu</c>, exact (torch.nn.GELU()): y = x Φ(x); f'(x) = Φ(x) + x φ(x), which needs the input.</summary>
internal sealed class GeluActivation : ActivationFunction
{
    private const float InvSqrt2Pi = 0.39894228040143268f;

    /// <summary>Each y[i] is written after x[i] is read, and nothing reads x[i] again.</summary>
    public override bool MayRunInPlace => true;

    public override bool BackwardNeedsInput => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = x[i] * ActivationKernels.NormalCdf(x[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void BackwardAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            dx[i] += dy[i] * (ActivationKernels.NormalCdf(v) + (v * InvSqrt2Pi * MathF.Exp(-0.5f * v * v)));
        }
    }
}
