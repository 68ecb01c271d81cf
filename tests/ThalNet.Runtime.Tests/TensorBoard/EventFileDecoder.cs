using System.Buffers.Binary;
using System.Text;

namespace ThalNet.Runtime.Tests.TensorBoard;

/// <summary>One decoded event: its step and wall time, and what it carries (file version, scalars, histograms, a session start).</summary>
internal sealed record DecodedEvent(double WallTime, long Step, string? FileVersion, IReadOnlyList<(string Tag, float Value)> Scalars, IReadOnlyList<(string Tag, DecodedHistogram Histogram)> Histograms, int? SessionStatus);

/// <summary>A decoded TensorBoard histogram.</summary>
internal sealed record DecodedHistogram(double Min, double Max, double Count, double Sum, double SumOfSquares, double[] BucketLimits, double[] Buckets);

/// <summary>
/// Reads TensorBoard event files without the code that writes them: TFRecord framing checked with a table-driven
/// CRC-32C of its own, and the Event, Summary, HistogramProto and SessionLog fields decoded from the protobuf wire format.
/// </summary>
internal static class EventFileDecoder
{
    private static readonly uint[] Table = BuildTable();

    public static IReadOnlyList<DecodedEvent> ReadFolder(string folder) =>
        [.. Directory.GetFiles(folder, "events.out.tfevents.*").Order(StringComparer.Ordinal).SelectMany(f => Read(File.ReadAllBytes(f)))];

    public static IReadOnlyList<DecodedEvent> Read(byte[] file)
    {
        var events = new List<DecodedEvent>();
        var at = 0;
        while (at < file.Length)
        {
            var header = file.AsSpan(at, 8);
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header));
            Assert.Equal(Masked(header), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8, 4)));
            var data = file.AsSpan(at + 12, length);
            Assert.Equal(Masked(data), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12 + length, 4)));
            events.Add(DecodeEvent(data.ToArray()));
            at += 12 + length + 4;
        }

        Assert.Equal(file.Length, at);
        return events;
    }

    private static DecodedEvent DecodeEvent(byte[] data)
    {
        double wallTime = 0;
        long step = 0;
        string? version = null;
        int? status = null;
        var scalars = new List<(string, float)>();
        var histograms = new List<(string, DecodedHistogram)>();
        foreach (var (field, value) in Fields(data))
        {
            switch (field)
            {
                case 1: wallTime = BitConverter.ToDouble(value); break;
                case 2: step = (long)Varint(value); break;
                case 3: version = Encoding.UTF8.GetString(value); break;
                case 5: DecodeSummary(value, scalars, histograms); break;
                case 6: status = (int)Varint(Fields(value).Single(f => f.Field == 1).Value); break;
            }
        }

        return new DecodedEvent(wallTime, step, version, scalars, histograms, status);
    }

    private static void DecodeSummary(byte[] summary, List<(string, float)> scalars, List<(string, DecodedHistogram)> histograms)
    {
        foreach (var (_, value) in Fields(summary).Where(f => f.Field == 1))
        {
            var fields = Fields(value);
            var tag = Encoding.UTF8.GetString(fields.Single(f => f.Field == 1).Value);
            if (fields.SingleOrDefault(f => f.Field == 2) is { Value: { } simple })
            {
                scalars.Add((tag, BitConverter.ToSingle(simple)));
            }

            if (fields.SingleOrDefault(f => f.Field == 5) is { Value: { } histo })
            {
                var h = Fields(histo);
                double D(int f) => BitConverter.ToDouble(h.Single(x => x.Field == f).Value);
                double[] Packed(int f) => [.. Enumerable.Range(0, h.Single(x => x.Field == f).Value.Length / 8).Select(i => BitConverter.ToDouble(h.Single(x => x.Field == f).Value, i * 8))];
                histograms.Add((tag, new DecodedHistogram(D(1), D(2), D(3), D(4), D(5), Packed(6), Packed(7))));
            }
        }
    }

    /// <summary>Every (field number, raw value) of a message: varints as their bytes, fixed64/fixed32 as 8/4 bytes, length-delimited as the payload.</summary>
    private static List<(int Field, byte[] Value)> Fields(byte[] message)
    {
        var fields = new List<(int, byte[])>();
        var at = 0;
        while (at < message.Length)
        {
            var key = ReadVarint(message, ref at);
            var field = (int)(key >> 3);
            var start = at;
            switch (key & 7)
            {
                case 0: ReadVarint(message, ref at); fields.Add((field, message[start..at])); break;
                case 1: at += 8; fields.Add((field, message[start..at])); break;
                case 5: at += 4; fields.Add((field, message[start..at])); break;
                case 2:
                    var length = (int)ReadVarint(message, ref at);
                    fields.Add((field, message[at..(at + length)]));
                    at += length;
                    break;
                default: throw new InvalidDataException($"Wire type {key & 7} of field {field}.");
            }
        }

        return fields;
    }

    private static ulong Varint(byte[] bytes)
    {
        var at = 0;
        return ReadVarint(bytes, ref at);
    }

    private static ulong ReadVarint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static uint Masked(ReadOnlySpan<byte> data)
    {
        var crc = 0xffffffffu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xff] ^ (crc >> 8);
        }

        crc ^= 0xffffffffu;
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }

    private static uint[] BuildTable()
    {
        // CRC-32C, reflected polynomial 0x82F63B78.
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
