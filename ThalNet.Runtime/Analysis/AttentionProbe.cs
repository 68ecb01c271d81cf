namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Collects the attention of a fast reader while a model runs: the mean over batch rows and time steps, as a
/// reading matrix [context, center] comparable to a static reader's weights, and optionally one frame per call.
/// </summary>
public sealed class AttentionProbe : IAttentionObserver
{
    private readonly List<DenseMatrix> _frames = [];
    private double[] _sum = [];
    private int _rows;
    private int _contextSize;
    private int _centerSize;

    /// <summary>An empty probe, to be set as a fast reader's attention observer.</summary>
    /// <param name="keepFrames">Whether to keep every call's batch mean in <see cref="Frames"/> besides the running
    /// mean.</param>
    public AttentionProbe(bool keepFrames = false) => KeepFrames = keepFrames;

    /// <summary>Whether every call's batch mean is kept in <see cref="Frames"/>.</summary>
    public bool KeepFrames { get; }

    /// <summary>Per-call means over the batch, in call order (only with <see cref="KeepFrames"/>).</summary>
    public IReadOnlyList<DenseMatrix> Frames => _frames;

    /// <summary>How many attention rows (batch rows times calls) have been added.</summary>
    public int Samples => _rows;

    /// <summary>Adds attention a[b, c, k] for <paramref name="batch"/> rows.</summary>
    public void Add(ReadOnlySpan<float> attention, int batch, int center, int context)
    {
        if (_rows == 0)
        {
            _sum = new double[context * center];
            _centerSize = center;
            _contextSize = context;
        }
        else if (center != _centerSize || context != _contextSize)
        {
            throw new ArgumentException($"AttentionProbe: attention [{center}, {context}] after [{_centerSize}, {_contextSize}].");
        }

        var frame = KeepFrames ? new float[context * center] : null;
        for (var b = 0; b < batch; b++)
        {
            for (var c = 0; c < center; c++)
            {
                var row = attention.Slice(((b * center) + c) * context, context);
                for (var k = 0; k < context; k++)
                {
                    _sum[(k * center) + c] += row[k];
                    if (frame is not null)
                    {
                        frame[(k * center) + c] += row[k] / batch;
                    }
                }
            }
        }

        _rows += batch;
        if (frame is not null)
        {
            _frames.Add(new DenseMatrix(context, center, frame));
        }
    }

    /// <summary>The mean attention as [context, center].</summary>
    public DenseMatrix Mean()
    {
        if (_rows == 0)
        {
            throw new InvalidOperationException("AttentionProbe: no attention was recorded: the model did not read anything while the probe was attached (no data, or the model ran before or after). ModelReport.Create(model, data) attaches the probes and runs the model on the data itself.");
        }

        var values = new float[_sum.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(_sum[i] / _rows);
        }

        return new DenseMatrix(_contextSize, _centerSize, values);
    }
}
