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
    /// while <paramref name="runModel"/> runs the model on evaluation data (required when any reader is fast); for
    /// attention readers, whose attention falls on module slices and a null slot rather than on center elements, the
    /// value projection w_value [K, C].
    /// </summary>
    public static IReadOnlyDictionary<string, DenseMatrix> ReadingWeights(ThalNetModel model, Action<ThalNetModel>? runModel = null)
    {
        var info = model.Info;
        var result = new Dictionary<string, DenseMatrix>(StringComparer.Ordinal);
        var probes = new Dictionary<string, AttentionProbe>(StringComparer.Ordinal);
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
                        // Its attention falls on whole module slices and a null slot, not on center elements; what each
                        // element gives the context is the value projection.
                        result[info.Modules[i].Name] = new DenseMatrix(attention.WValue.Shape[0], attention.WValue.Shape[1], attention.WValue.ToArray());
                        break;
                    default:
                        throw new NotSupportedException($"Module '{info.Modules[i].Name}' has a reader of type {model.Readers[i].GetType().Name} that analysis does not know.");
                }
            }
        }

        if (probes.Count > 0)
        {
            if (runModel is null)
            {
                throw new ArgumentNullException(nameof(runModel), "Fast readers' weights are their attention: pass a callback that runs the model on evaluation data, or use ModelReport.Create(model, data), which runs it for you.");
            }

            try
            {
                runModel(model);
            }
            finally
            {
                foreach (var reader in model.Readers.OfType<FastReader>())
                {
                    reader.Probe = null;
                }
            }

            foreach (var (name, probe) in probes)
            {
                result[name] = probe.Mean();
            }
        }

        return result;
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
