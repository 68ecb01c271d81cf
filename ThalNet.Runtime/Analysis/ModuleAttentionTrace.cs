using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Whom one attention reader (reading: attention) attended to: on one example, its weights over the module slices and
/// the null slot at every step and sub-step, and their mean over the analysis data. Slot j &lt; M of every weight
/// vector is module <see cref="Sources"/>[j]'s slice, slot M the null slot; each vector sums to 1. Read r is step
/// r / <see cref="Substeps"/>, sub-step r % <see cref="Substeps"/>. In a model whose modules compete (active: k) every
/// module reads at every sub-step, also where it then keeps its state.
/// </summary>
/// <param name="Module">The reading module's name.</param>
/// <param name="Example">The traced example's index in the data.</param>
/// <param name="Steps">Its number of steps.</param>
/// <param name="Substeps">Sub-steps per step.</param>
/// <param name="Sources">The module names, in center order: the slots before the null slot.</param>
/// <param name="Reads">One weight vector [M + 1] per read of the traced example, steps in order, their sub-steps side by side.</param>
/// <param name="Mean">The weights [M + 1] averaged over every example and read of the analysis data.</param>
public sealed record ModuleAttentionTrace(string Module, int Example, int Steps, int Substeps, IReadOnlyList<string> Sources, IReadOnlyList<float[]> Reads, IReadOnlyList<double> Mean)
{
    /// <summary>The name of the null slot, after the modules in tables and figures.</summary>
    public const string NullSlot = "null";

    /// <summary>The weights [M + 1] of step <paramref name="step"/>, sub-step <paramref name="substep"/> (both 0-based).</summary>
    public ReadOnlySpan<float> At(int step, int substep) => Reads[(step * Substeps) + substep];

    /// <summary>The mean weight on the null slot over the analysis data.</summary>
    public double NullMean => Mean[^1];

    /// <summary>
    /// Runs <paramref name="runOne"/> (the traced example) with a frame-keeping probe on every attention reader, then
    /// <paramref name="runAll"/> (the data) with averaging probes; empty when no module reads by attention. The readers'
    /// probes are restored afterwards.
    /// </summary>
    internal static IReadOnlyList<ModuleAttentionTrace> Record(ThalNetModel model, int example, int steps, Action runOne, Action runAll)
    {
        var info = model.Info;
        var readers = new List<(string Module, AttentionReader Reader, IModuleAttentionObserver? Previous)>();
        for (var i = 0; i < info.Modules.Count; i++)
        {
            if (model.Readers[i] is AttentionReader attention)
            {
                readers.Add((info.Modules[i].Name, attention, attention.Probe));
            }
        }

        if (readers.Count == 0)
        {
            return [];
        }

        var frames = readers.Select(_ => new ModuleAttentionProbe(keepFrames: true)).ToArray();
        var means = readers.Select(_ => new ModuleAttentionProbe()).ToArray();
        try
        {
            Attach(readers, frames);
            runOne();
            Attach(readers, means);
            runAll();
        }
        finally
        {
            foreach (var (_, reader, previous) in readers)
            {
                reader.Probe = previous;
            }
        }

        var sources = info.Modules.Select(m => m.Name).ToArray();
        var reads = steps * info.Substeps;
        return [.. readers.Select((r, i) => frames[i].Frames.Count == reads
            ? new ModuleAttentionTrace(r.Module, example, steps, info.Substeps, sources, frames[i].Frames, means[i].Mean())
            : throw new InvalidOperationException($"Module '{r.Module}' read {frames[i].Frames.Count} times over {steps} steps of {info.Substeps} sub-steps."))];
    }

    private static void Attach(List<(string Module, AttentionReader Reader, IModuleAttentionObserver? Previous)> readers, ModuleAttentionProbe[] probes)
    {
        for (var i = 0; i < readers.Count; i++)
        {
            readers[i].Reader.Probe = probes[i];
        }
    }
}
