namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Collects the weights of an attention reader (reading: attention) while a model runs: their mean over batch rows and
/// reads, one value per module slice and one for the null slot (last), and optionally every read's batch mean.
/// </summary>
public sealed class ModuleAttentionProbe : IModuleAttentionObserver
{
    private readonly List<float[]> _frames = [];
    private double[] _sum = [];
    private long _rows;

    /// <summary>An empty probe, to be set as an attention reader's <see cref="Nn.AttentionReader.Probe"/>.</summary>
    /// <param name="keepFrames">Whether to keep every read's batch mean in <see cref="Frames"/> besides the running mean.</param>
    public ModuleAttentionProbe(bool keepFrames = false) => KeepFrames = keepFrames;

    /// <summary>Whether every read's batch mean is kept in <see cref="Frames"/>.</summary>
    public bool KeepFrames { get; }

    /// <summary>Per read, in call order (only with <see cref="KeepFrames"/>): the weights [M + 1] averaged over the batch rows.</summary>
    public IReadOnlyList<float[]> Frames => _frames;

    /// <summary>How many weight rows (batch rows times reads) have been added.</summary>
    public long Samples => _rows;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The number of modules differs from an earlier read's, or
    /// <paramref name="weights"/> is shorter than <paramref name="batch"/> × (<paramref name="modules"/> + 1).</exception>
    public void Add(ReadOnlySpan<float> weights, int batch, int modules)
    {
        var slots = modules + 1;
        if (weights.Length < batch * slots)
        {
            throw new ArgumentException($"ModuleAttentionProbe: {weights.Length} weights for {batch} rows of {slots} slots.", nameof(weights));
        }

        if (_sum.Length == 0)
        {
            _sum = new double[slots];
        }
        else if (slots != _sum.Length)
        {
            throw new ArgumentException($"ModuleAttentionProbe: weights over {modules} modules after {_sum.Length - 1}.", nameof(modules));
        }

        var frame = KeepFrames ? new float[slots] : null;
        for (var b = 0; b < batch; b++)
        {
            var row = weights.Slice(b * slots, slots);
            for (var j = 0; j < slots; j++)
            {
                _sum[j] += row[j];
                if (frame is not null)
                {
                    frame[j] += row[j] / batch;
                }
            }
        }

        _rows += batch;
        if (frame is not null)
        {
            _frames.Add(frame);
        }
    }

    /// <summary>The mean weights [M + 1] over every row added: module slices in center order, then the null slot.</summary>
    /// <exception cref="InvalidOperationException">Nothing was recorded.</exception>
    public double[] Mean()
    {
        if (_rows == 0)
        {
            throw new InvalidOperationException("ModuleAttentionProbe: no attention was recorded: the model did not read anything while the probe was attached (no data, or the model ran before or after). ModelReport.Create(model, data) attaches the probes and runs the model on the data itself.");
        }

        return [.. _sum.Select(s => s / _rows)];
    }
}
