namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>
/// Step and tolerances of a finite-difference gradient check.
/// </summary>
/// <remarks>
/// The forward pass runs in float32; the loss sum(output * upstream) is accumulated in double from the float32
/// outputs, and the divisor is the step actually taken in float32 ((double)(x + h) - (double)(x - h)), so the only
/// float32 error in the numeric gradient is the rounding of the outputs themselves. With outputs of order 1 that
/// is about 1e-7 per affected output, i.e. about 1e-5 in the difference quotient for h = 1e-2; the truncation
/// error of the central difference is h^2 f''' / 6, about 1e-4 relative for the smooth ops here. The analytic
/// gradients are float32 sums with relative error around 1e-6.
/// So <c>|analytic - numeric| &lt;= 1e-3 + 1e-2 |numeric|</c> leaves an order of magnitude of margin over both
/// error sources while still catching any real mistake in a backward pass (a dropped term, a wrong sign or a
/// wrong factor is an O(1) relative error).
/// </remarks>
internal sealed record GradientCheckOptions
{
    /// <summary>h = 1e-2, tolerance 1e-3 absolute plus 1e-2 relative: for smooth operations.</summary>
    public static GradientCheckOptions Default { get; } = new();

    /// <summary>
    /// h = 1e-3 for graphs with ReLU: those are exactly piecewise linear, so a small step costs no truncation
    /// error, and inputs only need to keep their pre-activations 2h (see <see cref="KinkMargin"/>) from zero.
    /// </summary>
    public static GradientCheckOptions NearKinks { get; } = new() { Step = 1e-3 };

    /// <summary>The half-width h of the central difference.</summary>
    public double Step { get; init; } = 1e-2;

    public double AbsoluteTolerance { get; init; } = 1e-3;

    public double RelativeTolerance { get; init; } = 1e-2;

    /// <summary>Every input must have at least one numeric partial derivative this large, so no check is vacuous.</summary>
    public double MinimumGradient { get; init; } = 1e-3;

    /// <summary>Seed of the fixed random upstream gradient that weights each output in the loss.</summary>
    public ulong UpstreamSeed { get; init; } = 0x5EED;

    /// <summary>
    /// The distance from a kink that pre-activations must keep when inputs are in [-1, 1]: one perturbed input
    /// moves a pre-activation by at most h times the largest coefficient, so 2h leaves a safety factor of two.
    /// </summary>
    public float KinkMargin => (float)(2 * Step);
}
