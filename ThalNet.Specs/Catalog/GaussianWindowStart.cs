namespace ThalNet.Specs;

/// <summary>
/// Where the fast Gaussian reader's windows start: spread evenly over the center, each half as wide as the spacing
/// between them (at least one position), so that every module's context covers every slice of the center from the
/// first step.
/// </summary>
/// <remarks>
/// Drawing the biases U(±1/√F) as nn.Linear does puts every window near the middle of the center, about one position
/// wide; a module whose slice lies elsewhere (the vision module's, at the start) is then read by nobody, the gradient
/// of a window's position comes only from its neighbouring positions, and the design study's models stayed at chance
/// for 20 epochs. Windows as wide as the spacing learned as well in the design study, but a window covers about
/// 13.6 sigma of positions (the float32 bound of the fast kernels), so half the width is half the reader's work.
/// Every backend starts <c>b_mean</c> and <c>b_scale</c> at these values.
/// </remarks>
public static class GaussianWindowStart
{
    /// <summary>The start of <c>b_mean</c> in words, for documentation.</summary>
    public const string MeanText = "logit((k+½)/K): windows spread evenly over the center";

    /// <summary>The start of <c>b_scale</c> in words, for documentation.</summary>
    public const string ScaleText = "softplus⁻¹(max((C−1)/(2K), 1) − ½): sigma half the spacing, at least 1";

    /// <summary>
    /// <c>b_mean</c> [K]: logit((k + ½) / K), so that with features of zero window k is centred at ((k + ½) / K)(C − 1).
    /// </summary>
    /// <param name="context">K, the number of windows (context elements).</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="context"/> is below 1.</exception>
    public static float[] MeanLogits(int context)
    {
        RequirePositive(context, nameof(context));
        var logits = new float[context];
        for (var k = 0; k < context; k++)
        {
            var at = (k + 0.5) / context;
            logits[k] = (float)Math.Log(at / (1 - at));
        }

        return logits;
    }

    /// <summary>
    /// <c>b_scale</c> [K]: softplus⁻¹(max(s / 2, 1) − ½) for the spacing s = (C − 1) / K, so that with features of
    /// zero every window's sigma (softplus + ½) is half the distance between neighbouring windows, and at least 1.
    /// </summary>
    /// <param name="center">C, the center's width.</param>
    /// <param name="context">K, the number of windows (context elements).</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="center"/> or <paramref name="context"/> is below 1.</exception>
    public static float[] ScaleLogits(int center, int context)
    {
        RequirePositive(center, nameof(center));
        RequirePositive(context, nameof(context));
        var sigmaAboveFloor = StartSigma(center, context) - 0.5;
        var logit = (float)(sigmaAboveFloor > 20 ? sigmaAboveFloor : Math.Log(Math.Exp(sigmaAboveFloor) - 1));
        var logits = new float[context];
        for (var k = 0; k < context; k++)
        {
            logits[k] = logit;
        }

        return logits;
    }

    /// <summary>The windows' starting sigma: max((C − 1) / (2K), 1).</summary>
    /// <param name="center">C, the center's width.</param>
    /// <param name="context">K, the number of windows (context elements).</param>
    public static double StartSigma(int center, int context) => Math.Max((center - 1.0) / (2.0 * context), 1.0);

    private static void RequirePositive(int size, string name)
    {
        if (size < 1)
        {
            throw new ArgumentOutOfRangeException(name, size, "A size must be at least 1.");
        }
    }
}
