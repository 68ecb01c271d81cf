using System;

namespace ThalNet.Runtime.Data;

/// <summary>
/// Batches a byte sequence for language modelling with truncated backpropagation through time.
/// The data is cut into <see cref="BatchSize"/> contiguous streams of <see cref="StreamLength"/>
/// bytes, laid side by side (the tail that does not fill a stream is dropped). Segment s holds,
/// for every stream, the bytes [s*T, s*T + T) as inputs and the bytes one further as targets, so
/// segment s + 1 continues every stream exactly where segment s stopped: carry the recurrent state
/// from one segment to the next and reset it at the start of an epoch.
/// </summary>
public sealed class LanguageModelBatcher
{
    private readonly ReadOnlyMemory<byte> _data;

    /// <summary>Cuts <paramref name="data"/> into streams and segments.</summary>
    /// <param name="data">The byte sequence (not copied).</param>
    /// <param name="batchSize">B, the number of streams side by side.</param>
    /// <param name="segmentLength">T, bytes per stream and segment.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
    /// <exception cref="ArgumentException">When the data is too short for B streams of T + 1 bytes.</exception>
    public LanguageModelBatcher(ReadOnlyMemory<byte> data, int batchSize, int segmentLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segmentLength);
        StreamLength = data.Length / batchSize;
        SegmentCount = SegmentsFor(data.Length, batchSize, segmentLength);
        if (SegmentCount == 0)
        {
            throw new ArgumentException($"{data.Length} bytes are too few for {batchSize} streams of at least {segmentLength + 1} bytes (one segment plus its last target).", nameof(data));
        }

        _data = data;
        BatchSize = batchSize;
        SegmentLength = segmentLength;
    }

    /// <summary>The segments that <paramref name="length"/> bytes give: 0 when they are too few for one batch.</summary>
    public static int SegmentsFor(int length, int batchSize, int segmentLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segmentLength);
        var streamLength = length / batchSize;
        return streamLength == 0 ? 0 : (streamLength - 1) / segmentLength;
    }

    /// <summary>Streams side by side (B).</summary>
    public int BatchSize { get; }

    /// <summary>Steps per segment (T).</summary>
    public int SegmentLength { get; }

    /// <summary>Bytes in each stream.</summary>
    public int StreamLength { get; }

    /// <summary>Segments in one epoch; one pass over them sees (nearly) every byte once.</summary>
    public int SegmentCount { get; }

    /// <summary>Predictions per segment, T * B (for bits per character).</summary>
    public int TokensPerSegment => SegmentLength * BatchSize;

    /// <summary>
    /// Fills inputs and targets, each [T, B] time-major: <c>inputs[t * B + b]</c> is byte
    /// <c>b * StreamLength + segment * T + t</c> and the target is the byte after it. Allocates nothing.
    /// </summary>
    public void Fill(int segment, Span<int> inputs, Span<int> targets)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(segment);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(segment, SegmentCount);
        if (inputs.Length < TokensPerSegment || targets.Length < TokensPerSegment)
        {
            throw new ArgumentException($"A segment needs {TokensPerSegment} tokens ([{SegmentLength}, {BatchSize}]) in both buffers; got {inputs.Length} and {targets.Length}.");
        }

        var data = _data.Span;
        for (var b = 0; b < BatchSize; b++)
        {
            var stream = data.Slice((b * StreamLength) + (segment * SegmentLength), SegmentLength + 1);
            for (var t = 0; t < SegmentLength; t++)
            {
                inputs[(t * BatchSize) + b] = stream[t];
                targets[(t * BatchSize) + b] = stream[t + 1];
            }
        }
    }
}
