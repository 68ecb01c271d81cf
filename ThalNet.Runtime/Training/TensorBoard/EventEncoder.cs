using Google.Protobuf;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Encodes the few TensorFlow <c>Event</c> protocol buffers TensorBoard needs (tensorflow/core/util/event.proto and
/// framework/summary.proto): the file version, scalar and histogram summaries, and a session start, which tells
/// TensorBoard to drop the events of an earlier run after that step (a resumed run).
/// </summary>
internal static class EventEncoder
{
    // Event: wall_time = 1 (double), step = 2 (int64), file_version = 3 (string), summary = 5, session_log = 6.
    // Summary: repeated Value value = 1. Value: tag = 1, simple_value = 2 (float), histo = 5.
    // HistogramProto: min = 1, max = 2, num = 3, sum = 4, sum_squares = 5 (doubles), bucket_limit = 6, bucket = 7 (packed doubles).
    // SessionLog: status = 1 (START = 1).
    public static byte[] FileVersion(double wallTime) => Encode(wallTime, 0, o => o.WriteString(3, "brain.Event:2"));

    public static byte[] Scalar(double wallTime, long step, string tag, float value) =>
        Encode(wallTime, step, o => o.WriteMessage(5, summary => summary.WriteMessage(1, v =>
        {
            v.WriteString(1, tag);
            v.WriteTag(2, WireFormat.WireType.Fixed32);
            v.WriteFloat(value);
        })));

    public static byte[] Histogram(double wallTime, long step, string tag, Histogram histogram) =>
        Encode(wallTime, step, o => o.WriteMessage(5, summary => summary.WriteMessage(1, v =>
        {
            v.WriteString(1, tag);
            v.WriteMessage(5, h =>
            {
                h.WriteDouble(1, histogram.Min);
                h.WriteDouble(2, histogram.Max);
                h.WriteDouble(3, histogram.Count);
                h.WriteDouble(4, histogram.Sum);
                h.WriteDouble(5, histogram.SumOfSquares);
                h.WritePackedDoubles(6, histogram.BucketLimits);
                h.WritePackedDoubles(7, histogram.Buckets);
            });
        })));

    public static byte[] SessionStart(double wallTime, long step) =>
        Encode(wallTime, step, o => o.WriteMessage(6, log =>
        {
            log.WriteTag(1, WireFormat.WireType.Varint);
            log.WriteEnum(1);
        }));

    private static byte[] Encode(double wallTime, long step, Action<CodedOutputStream> body)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            output.WriteDouble(1, wallTime);
            output.WriteTag(2, WireFormat.WireType.Varint);
            output.WriteInt64(step);
            body(output);
        }

        return buffer.ToArray();
    }

    private static void WriteDouble(this CodedOutputStream output, int field, double value)
    {
        output.WriteTag(field, WireFormat.WireType.Fixed64);
        output.WriteDouble(value);
    }

    private static void WriteString(this CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static void WritePackedDoubles(this CodedOutputStream output, int field, IReadOnlyList<double> values)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteLength(values.Count * sizeof(double));
        foreach (var value in values)
        {
            output.WriteDouble(value);
        }
    }

    /// <summary>A length-delimited nested message, encoded first to learn its length.</summary>
    private static void WriteMessage(this CodedOutputStream output, int field, Action<CodedOutputStream> body)
    {
        using var buffer = new MemoryStream();
        using (var nested = new CodedOutputStream(buffer, leaveOpen: true))
        {
            body(nested);
        }

        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
