using System;

namespace ThalNet.Runtime.Data;

/// <summary>
/// The order in which an epoch visits the examples, cut into batches. <see cref="Shuffle"/> starts
/// from the identity each time, so an epoch's order depends only on the generator's state at its
/// start: restoring a checkpointed <see cref="RandomSource"/> reproduces the epoch exactly.
/// </summary>
public sealed class BatchOrder
{
    private readonly int[] _order;

    /// <param name="count">Number of examples.</param>
    /// <param name="batchSize">Examples per batch.</param>
    /// <param name="dropLast">Skip a final batch shorter than <paramref name="batchSize"/> (training); keep it for evaluation.</param>
    public BatchOrder(int count, int batchSize, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _order = new int[count];
        BatchSize = batchSize;
        DropLast = dropLast;
        BatchCount = dropLast ? count / batchSize : (count + batchSize - 1) / batchSize;
        Reset();
    }

    /// <summary>The number of examples ordered.</summary>
    public int Count => _order.Length;

    /// <summary>Examples per batch; the last batch may be shorter unless <see cref="DropLast"/>.</summary>
    public int BatchSize { get; }

    /// <summary>Whether a final batch shorter than <see cref="BatchSize"/> is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>The number of batches per epoch.</summary>
    public int BatchCount { get; }

    /// <summary>The whole epoch's order.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>Visits the examples in their stored order.</summary>
    public void Reset()
    {
        for (var i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }
    }

    /// <summary>A fresh random order for the next epoch.</summary>
    public void Shuffle(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Reset();
        random.Shuffle(_order);
    }

    /// <summary>The example indices of batch <paramref name="batch"/> (the last one may be shorter unless <see cref="DropLast"/>).</summary>
    public ReadOnlySpan<int> Batch(int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(batch, BatchCount);
        var start = batch * BatchSize;
        return _order.AsSpan(start, Math.Min(BatchSize, _order.Length - start));
    }
}
