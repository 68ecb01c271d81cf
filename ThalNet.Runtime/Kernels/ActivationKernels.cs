namespace ThalNet.Runtime.Kernels;

/// <summary>
/// Scalar functions the activations and readers share (the activations themselves are <see cref="ActivationFunction"/>
/// implementations, one per catalog entry, in <c>Kinds/Activations</c>).
/// </summary>
internal static class ActivationKernels
{
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
