namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Where one fast reader looked, read by read, while the model ran one example: <see cref="Reads"/> holds, for every
/// step and sub-step in order, the attention over the center averaged over the module's context elements (each
/// sums to 1). Read r is step r / <see cref="Substeps"/>, sub-step r % <see cref="Substeps"/>.
/// </summary>
public sealed record AttentionTrace(string Module, int Example, int Steps, int Substeps, IReadOnlyList<float[]> Reads)
{
    /// <summary>The attention of step <paramref name="step"/>, sub-step <paramref name="substep"/> (both 0-based), one value per center element.</summary>
    public ReadOnlySpan<float> At(int step, int substep) => Reads[(step * Substeps) + substep];

    /// <summary>Averages each frame [context, center] over its context rows.</summary>
    internal static AttentionTrace FromFrames(string module, int example, int steps, int substeps, IReadOnlyList<DenseMatrix> frames)
    {
        if (frames.Count != steps * substeps)
        {
            throw new InvalidOperationException($"Module '{module}' read {frames.Count} times over {steps} steps of {substeps} sub-steps.");
        }

        var reads = new List<float[]>(frames.Count);
        foreach (var frame in frames)
        {
            var mean = new float[frame.Cols];
            for (var k = 0; k < frame.Rows; k++)
            {
                var row = frame.Row(k);
                for (var c = 0; c < mean.Length; c++)
                {
                    mean[c] += row[c] / frame.Rows;
                }
            }

            reads.Add(mean);
        }

        return new AttentionTrace(module, example, steps, substeps, reads);
    }
}
