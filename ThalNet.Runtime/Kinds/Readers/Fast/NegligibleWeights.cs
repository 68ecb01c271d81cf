namespace ThalNet.Runtime.Kernels;

/// <summary>
/// Where a fast reader's softmax weight is too small to change a float32 result. After the maximum logit is
/// subtracted the largest term of the softmax sum is e^0 = 1, so the sum is at least 1; a term below 2^-24 / C is
/// under 2^-24 / C of the largest, and all C of them together are under half a unit in the last place of the sum, and
/// move the weighted sum of the center by less than 2^-24 max|center| (the rounding of its largest term). Such terms
/// are set to zero rather than computed: that also keeps the products of the backward pass far above float32's
/// subnormal range, where the processor would take a slow path.
/// </summary>
internal static class NegligibleWeights
{
    /// <summary>-ln(C 2^24): an exponent (logit minus maximum) below this gives a weight below 2^-24 / C.</summary>
    public static float ExponentCutoff(int centerSize) => -(MathF.Log(centerSize) + (24f * MathF.Log(2f)));

    /// <summary>log2(e), the factor from natural exponents to powers of two.</summary>
    public const float Log2E = 1.44269504088896341f;

    /// <summary>The same cutoff for a power of two: -log2(C 2^24).</summary>
    public static float Exp2Cutoff(int centerSize) => ExponentCutoff(centerSize) * Log2E;
}
