using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Runtime.Training;

/// <summary>
/// One batch of <see cref="Rows"/> rows split across the workers: each worker's own <see cref="SequenceBatch"/> and
/// <see cref="LossResult"/>, allocated once and refilled. A worker whose share is empty gets no batch.
/// </summary>
internal sealed class Shards
{
    public Shards(SequenceInfo info, int steps, int rows, DataParallel<SequenceModel> replicas)
    {
        Steps = steps;
        Rows = rows;
        Start = new int[replicas.Workers];
        Batches = new SequenceBatch?[replicas.Workers];
        Results = new LossResult[replicas.Workers];
        for (var w = 0; w < replicas.Workers; w++)
        {
            var (start, count) = replicas.Share(w, rows);
            Start[w] = start;
            Batches[w] = count == 0 ? null : new SequenceBatch(info, steps, count);
            Results[w] = new LossResult(info.Outputs.Count);
        }
    }

    public int Steps { get; }

    public int Rows { get; }

    /// <summary>Each worker's first row in the whole batch.</summary>
    public int[] Start { get; }

    public SequenceBatch?[] Batches { get; }

    public LossResult[] Results { get; }

    /// <summary>The weight of worker <paramref name="worker"/>'s loss, so that the shares add up to the batch mean.</summary>
    public float Scale(int worker) => (float)Batches[worker]!.Batch / Rows;
}
