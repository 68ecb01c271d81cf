using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Analysis;

/// <summary>Reads what a compiled model has learned: its center layout and each module's reading matrix [context, center].</summary>
public static class ModelInspector
{
    /// <summary>The center layout of a compiled model: each module's slice, role, task inputs and outputs.</summary>
    public static CenterLayout CenterLayout(ModelInfo info) => new(info.Modules.Select(m => new CenterModule(
        m.Name,
        m.Role,
        m.Offset,
        m.Size,
        m.Inputs,
        [.. info.Outputs.Where(o => o.Module == m.Name).Select(o => o.Name)])));

    /// <summary>
    /// Each module's reading weights: for linear and weight-normalised readers the effective matrix
    /// (beta * W / ||W|| for weight-norm); for the fast readers the attention averaged over batch rows and steps
    /// while <paramref name="runModel"/> runs the model on evaluation data (required when any reader is fast or reads by
    /// attention). An attention reader's weights fall on whole module slices and a null slot, not on center elements,
    /// and change with every example: its matrix is one row [1, C] holding, on every element of module j's slice, the
    /// mean weight on module j over the data divided by the slice's size (so the slice sums to that mean and
    /// the connectivity is the share of the non-null attention). The null slot's weight has no column: see
    /// <see cref="ModuleAttentionTrace"/> and <see cref="ModelReport.ModuleAttention"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">A reader is fast or reads by attention and <paramref name="runModel"/> is null.</exception>
    /// <exception cref="NotSupportedException">A reader is of a type that analysis does not know.</exception>
    public static IReadOnlyDictionary<string, DenseMatrix> ReadingWeights(ThalNetModel model, Action<ThalNetModel>? runModel = null)
    {
        var info = model.Info;
        var result = new Dictionary<string, DenseMatrix>(StringComparer.Ordinal);
        var probes = new Dictionary<string, AttentionProbe>(StringComparer.Ordinal);
        var moduleProbes = new Dictionary<string, (AttentionReader Reader, ModuleAttentionProbe Probe)>(StringComparer.Ordinal);
        var tape = new Tape();
        using (tape.NoGrad())
        {
            for (var i = 0; i < info.Modules.Count; i++)
            {
                switch (model.Readers[i])
                {
                    case StaticReader reader:
                        var matrix = reader.Matrix(tape);
                        result[info.Modules[i].Name] = new DenseMatrix(matrix.Shape[0], matrix.Shape[1], matrix.ToArray());
                        break;
                    case FastReader fast:
                        var probe = new AttentionProbe();
                        fast.Probe = probe;
                        probes[info.Modules[i].Name] = probe;
                        break;
                    case AttentionReader attention:
                        var moduleProbe = new ModuleAttentionProbe();
                        attention.Probe = moduleProbe;
                        moduleProbes[info.Modules[i].Name] = (attention, moduleProbe);
                        break;
                    default:
                        throw new NotSupportedException($"Module '{info.Modules[i].Name}' has a reader of type {model.Readers[i].GetType().Name} that analysis does not know.");
                }
            }
        }

        if (probes.Count > 0 || moduleProbes.Count > 0)
        {
            try
            {
                if (runModel is null)
                {
                    throw new ArgumentNullException(nameof(runModel), "Fast and attention readers' weights are their attention: pass a callback that runs the model on evaluation data, or use ModelReport.Create(model, data), which runs it for you.");
                }

                runModel(model);
            }
            finally
            {
                foreach (var reader in model.Readers.OfType<FastReader>())
                {
                    reader.Probe = null;
                }

                foreach (var reader in model.Readers.OfType<AttentionReader>())
                {
                    reader.Probe = null;
                }
            }

            foreach (var (name, probe) in probes)
            {
                result[name] = probe.Mean();
            }

            foreach (var (name, (reader, probe)) in moduleProbes)
            {
                result[name] = SpreadOverSlices(probe.Mean(), reader.SliceSizes);
            }
        }

        return result;
    }

    /// <summary>One row [1, C]: the mean weight on module j over each element of its slice, divided by the slice's size.</summary>
    private static DenseMatrix SpreadOverSlices(double[] mean, IReadOnlyList<int> sliceSizes)
    {
        var row = new float[sliceSizes.Sum()];
        for (int j = 0, offset = 0; j < sliceSizes.Count; offset += sliceSizes[j], j++)
        {
            row.AsSpan(offset, sliceSizes[j]).Fill((float)(mean[j] / sliceSizes[j]));
        }

        return new DenseMatrix(1, row.Length, row);
    }

    /// <summary>
    /// Evaluates the model once as it is and once per module with that module's slice of the center zeroed;
    /// <paramref name="evaluate"/> returns the metric (e.g. accuracy) of the model as currently configured.
    /// </summary>
    public static IReadOnlyList<AblationResult> Ablate(ThalNetModel model, Func<ThalNetModel, double> evaluate)
    {
        var (baseline, ablated) = AblateEach(model, evaluate, ablate: true);
        return [.. ablated.Select(a => new AblationResult(a.Module, baseline, a.Result))];
    }

    /// <summary>
    /// <paramref name="evaluate"/> of the model as it is, then (when <paramref name="ablate"/>) with each module's
    /// slice of the center zeroed in turn, in layout order; the model's own <see cref="ThalNetModel.Ablation"/> is
    /// restored afterwards.
    /// </summary>
    internal static (T Baseline, IReadOnlyList<(string Module, T Result)> Ablated) AblateEach<T>(ThalNetModel model, Func<ThalNetModel, T> evaluate, bool ablate)
    {
        var previous = model.Ablation;
        try
        {
            model.Ablation = null;
            var baseline = evaluate(model);
            var results = new List<(string, T)>();
            foreach (var module in ablate ? model.Info.Modules : [])
            {
                model.Ablation = new CenterAblation(model.Info, module.Name);
                results.Add((module.Name, evaluate(model)));
            }

            return (baseline, results);
        }
        finally
        {
            model.Ablation = previous;
        }
    }
}
