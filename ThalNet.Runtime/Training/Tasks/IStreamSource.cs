using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Data for truncated backpropagation through time (language modelling): <see cref="Streams"/> sequences side by
/// side, cut into consecutive segments of <see cref="Steps"/> steps. Segment s + 1 continues every stream where
/// segment s stopped, so the recurrent state is carried from one segment to the next.
/// </summary>
public interface IStreamSource
{
    /// <summary>Streams side by side: the batch rows.</summary>
    int Streams { get; }

    /// <summary>Steps per segment.</summary>
    int Steps { get; }

    /// <summary>Segments in one pass over the data.</summary>
    int SegmentCount { get; }

    /// <summary>
    /// Writes the inputs and targets of segment <paramref name="segment"/> for the streams
    /// [<paramref name="firstStream"/>, firstStream + batch.Batch) into <paramref name="batch"/>. Called on the
    /// trainer's thread, once per worker and segment; must not allocate in steady state.
    /// </summary>
    void Fill(int segment, int firstStream, SequenceBatch batch);
}
