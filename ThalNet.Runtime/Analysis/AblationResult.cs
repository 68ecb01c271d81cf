namespace ThalNet.Runtime.Analysis;

/// <summary>A metric evaluated normally and with one module's center slice zeroed.</summary>
public sealed record AblationResult(string Module, double Baseline, double Ablated)
{
    /// <summary>How much worse the ablated model is: positive when ablation hurts.</summary>
    public double Drop(bool higherIsBetter) => higherIsBetter ? Baseline - Ablated : Ablated - Baseline;
}
