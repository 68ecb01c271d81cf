using ThalNet.Runtime.IO;

namespace ThalNet.Runtime.Training;

/// <summary>
/// A TensorBoard event file in a log folder (<c>events.out.tfevents.SECONDS.HOST.thalnet</c>): one scalar per split,
/// output and metric with the tags <see cref="Tag"/> makes (<c>train/digit/loss</c>, <c>test/digit/accuracy</c>,
/// <c>test/value/mse</c>), <c>train/learning_rate</c> and <c>train/samples_per_second</c> with every train event, and
/// at each evaluation a histogram of every module's reading weights (<c>reading/MODULE</c>). The values are those of
/// the JSON-lines metrics log. Each event is flushed as it is written.
/// </summary>
internal sealed class TensorBoardLog : IDisposable
{
    private readonly FileStream _stream;

    private TensorBoardLog(string folder)
    {
        Directory.CreateDirectory(folder);
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var path = Path.Combine(folder, $"events.out.tfevents.{seconds}.{Environment.MachineName}.{Environment.ProcessId}.thalnet");
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        FilePath = path;
        Append(EventEncoder.FileVersion(WallTime));
    }

    /// <summary>The event file's path.</summary>
    public string FilePath { get; }

    private static double WallTime => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>A new event file in <paramref name="folder"/>, or null when there is no folder.</summary>
    public static TensorBoardLog? Open(string? folder) => folder is null ? null : new TensorBoardLog(folder);

    /// <summary>The tag of one metric: <c>SPLIT/OUTPUT/METRIC</c>, as <see cref="MetricName"/> parses it.</summary>
    public static string Tag(string split, string output, string metric) => $"{split}/{output}/{metric}";

    /// <summary>Marks a resumed run: TensorBoard drops this folder's events after <paramref name="step"/> from the run that was interrupted.</summary>
    public void Resumed(long step) => Append(EventEncoder.SessionStart(WallTime, step));

    /// <summary>Every output's metrics of <paramref name="split"/>; with the learning rate and throughput for a train event.</summary>
    public void Write(long step, string split, EvaluationResult metrics, double? samplesPerSecond, float? learningRate)
    {
        var time = WallTime;
        foreach (var output in metrics.Outputs)
        {
            Scalar(time, step, Tag(split, output.Name, "loss"), output.Loss);
            if (output.IsMeanSquaredError)
            {
                Scalar(time, step, Tag(split, output.Name, "mse"), output.MeanSquaredError);
                Scalar(time, step, Tag(split, output.Name, "rmse"), output.RootMeanSquaredError);
            }
            else
            {
                Scalar(time, step, Tag(split, output.Name, "accuracy"), output.Accuracy);
            }

            if (output.IsBitsPerCharacter)
            {
                Scalar(time, step, Tag(split, output.Name, "bpc"), output.Bits);
            }
        }

        if (samplesPerSecond is { } rate)
        {
            Scalar(time, step, $"{split}/samples_per_second", rate);
        }

        if (learningRate is { } lr)
        {
            Scalar(time, step, $"{split}/learning_rate", lr);
        }

        _stream.Flush();
    }

    /// <summary>A histogram per module of its reader's parameters (<c>MODULE.read.*</c>), tagged <c>reading/MODULE</c>.</summary>
    public void WriteReadingWeights(long step, IReadOnlyList<TensorEntry> parameters)
    {
        var time = WallTime;
        foreach (var module in parameters.GroupBy(p => ReaderModule(p.Name)).Where(g => g.Key is not null))
        {
            var values = module.SelectMany(p => p.Data.ToArray()).ToArray();
            Append(EventEncoder.Histogram(time, step, $"reading/{module.Key}", Histogram.Of(values)));
        }

        _stream.Flush();
    }

    public void Dispose() => _stream.Dispose();

    private static string? ReaderModule(string name)
    {
        var parts = name.Split('.');
        return parts.Length >= 3 && parts[1] == ParameterNames.Reader ? parts[0] : null;
    }

    private void Scalar(double time, long step, string tag, double value) => Append(EventEncoder.Scalar(time, step, tag, (float)value));

    private void Append(byte[] record) => TfRecordFraming.Write(_stream, record);
}
