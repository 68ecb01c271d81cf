using ThalNet.Runtime.Analysis;

namespace ThalNet.Examples.ModularFamily;

/// <summary>An <see cref="ActivityTrace"/> as the results log keeps it, so that <c>--report-only</c> redraws its strip.</summary>
internal sealed record FamilyActivity(int Example, int Steps, int Substeps, string[] Modules, float[][] Reads, double[] Shares)
{
    public static FamilyActivity From(ActivityTrace trace) =>
        new(trace.Example, trace.Steps, trace.Substeps, [.. trace.Modules], [.. trace.Reads], [.. trace.Shares]);

    public ActivityTrace ToTrace() => new(Example, Steps, Substeps, Modules, Reads, Shares);

    /// <summary>k: the modules that update at every sub-step (the shares sum to it).</summary>
    public int Active => (int)Math.Round(Shares.Sum());
}
