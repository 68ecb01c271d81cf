using System.Collections.ObjectModel;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Which modules of a model whose modules compete (<c>active: k</c>) updated: on one example at every step and sub-step,
/// and each module's share of the active (example, sub-step) pairs over the analysis data.
/// </summary>
/// <param name="Example">The traced example's index in the data.</param>
/// <param name="Steps">Its number of steps.</param>
/// <param name="Substeps">Sub-steps per step.</param>
/// <param name="Modules">The module names, in center order.</param>
/// <param name="Reads">One entry per sub-step (steps in order, their sub-steps side by side): per module, 1 where it updated and 0 where it kept its state.</param>
/// <param name="Shares">Per module, the fraction of (example, step, sub-step) triples of the analysis data in which it updated; they sum to k.</param>
public sealed record ActivityTrace(int Example, int Steps, int Substeps, IReadOnlyList<string> Modules, IReadOnlyList<float[]> Reads, IReadOnlyList<double> Shares)
{
    /// <summary>Runs <paramref name="runOne"/> (the traced example) and <paramref name="runAll"/> (the data) with the model's active masks observed; null when its modules do not compete.</summary>
    internal static ActivityTrace? Record(ThalNetModel model, int example, int steps, Action runOne, Action runAll)
    {
        var masks = new List<Tensor>();
        var tally = new ActivityTally(model.Info.Modules.Count);
        var previous = model.ActiveMasks;
        List<float[]> reads;
        try
        {
            model.ActiveMasks = masks;
            runOne();
            reads = [.. masks.Select(m => m.Data.ToArray())];
            if (reads.Count == 0)
            {
                return null;
            }

            model.ActiveMasks = tally;
            runAll();
        }
        finally
        {
            model.ActiveMasks = previous;
        }

        return new ActivityTrace(example, steps, model.Info.Substeps, [.. model.Info.Modules.Select(m => m.Name)], reads, tally.Shares());
    }

    /// <summary>An observer of active masks that adds each one's rows up instead of keeping it (a tape reuses its tensors between batches).</summary>
    private sealed class ActivityTally(int modules) : Collection<Tensor>
    {
        private readonly double[] _active = new double[modules];
        private long _rows;

        public IReadOnlyList<double> Shares() => [.. _active.Select(a => _rows == 0 ? 0 : a / _rows)];

        protected override void InsertItem(int index, Tensor item)
        {
            var data = item.Data;
            for (var i = 0; i < data.Length; i++)
            {
                _active[i % modules] += data[i];
            }

            _rows += data.Length / modules;
        }
    }
}
