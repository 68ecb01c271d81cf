using System.Buffers;
using System.Text.Json;
using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// A JSON-lines metrics log: one object per output and event, e.g.
/// <c>{"step":100,"epoch":1,"split":"train","output":"digit","loss":0.5,"accuracy":0.9,"samples_per_second":1234}</c>;
/// byte-level language-model heads also get <c>"bpc"</c> (the loss in bits); regression (<c>mse</c>) heads get
/// <c>"mse"</c> and <c>"rmse"</c> instead of an accuracy. Each event is flushed as it is written.
/// </summary>
internal sealed class MetricsWriter : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _json;

    private readonly string _path;

    private MetricsWriter(string path, bool append)
    {
        _path = path;
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(folder);
            _stream = new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (OutputWriteException.IsWriteFailure(e))
        {
            throw new OutputWriteException(path, OutputWriteException.ReasonOf(e), null, e);
        }

        _json = new Utf8JsonWriter(_buffer);
    }

    /// <summary>A log at <paramref name="path"/> (continuing it when <paramref name="append"/>), or null when there is no path.</summary>
    public static MetricsWriter? Open(string? path, bool append) => path is null ? null : new MetricsWriter(path, append);

    /// <summary>One line per output of <paramref name="metrics"/>.</summary>
    public void Write(long step, int epoch, string split, EvaluationResult metrics, double? samplesPerSecond)
    {
        for (var o = 0; o < metrics.Outputs.Count; o++)
        {
            var output = metrics.Outputs[o];
            _buffer.ResetWrittenCount();
            _json.Reset();
            _json.WriteStartObject();
            _json.WriteNumber("step", step);
            _json.WriteNumber("epoch", epoch);
            _json.WriteString("split", split);
            _json.WriteString("output", output.Name);
            WriteNumber("loss", output.Loss);
            if (output.IsMeanSquaredError)
            {
                WriteNumber("mse", output.MeanSquaredError);
                WriteNumber("rmse", output.RootMeanSquaredError);
            }
            else
            {
                WriteNumber("accuracy", output.Accuracy);
            }

            if (output.IsBitsPerCharacter)
            {
                WriteNumber("bpc", output.Bits);
            }

            if (samplesPerSecond is { } rate)
            {
                WriteNumber("samples_per_second", rate);
            }

            _json.WriteEndObject();
            _json.Flush();
            Append(_buffer.WrittenSpan);
            Append(NewLine);
        }

        try
        {
            _stream.Flush();
        }
        catch (Exception e) when (OutputWriteException.IsWriteFailure(e))
        {
            throw new OutputWriteException(_path, OutputWriteException.ReasonOf(e), "the lines before this one are in the log", e);
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _stream.Write(bytes);
        }
        catch (Exception e) when (OutputWriteException.IsWriteFailure(e))
        {
            throw new OutputWriteException(_path, OutputWriteException.ReasonOf(e), "the lines before this one are in the log", e);
        }
    }

    public void Dispose()
    {
        _json.Dispose();
        try
        {
            _stream.Dispose();
        }
        catch (Exception e) when (OutputWriteException.IsWriteFailure(e))
        {
            // Only after a failed write, which was thrown already: this one would hide it.
        }
    }

    // JSON has no NaN or infinity: a diverged loss is logged as null.
    private void WriteNumber(string name, double value)
    {
        if (double.IsFinite(value))
        {
            _json.WriteNumber(name, value);
        }
        else
        {
            _json.WriteNull(name);
        }
    }
}
