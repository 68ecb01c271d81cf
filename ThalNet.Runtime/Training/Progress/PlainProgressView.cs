using System.Diagnostics;
using System.Globalization;

namespace ThalNet.Runtime.Training;

/// <summary>
/// For redirected output and CI logs: no live display, but a progress line every <paramref name="interval"/> while an
/// epoch runs (<c>epoch 1  batch 120/160  loss 0.4123  acc 87.0%  650 samples/s</c>), each epoch's line and notes.
/// </summary>
internal sealed class PlainProgressView(TextWriter output, TimeSpan interval) : IProgressView
{
    private int _epoch;
    private int _batches;
    private long _lastLine;

    public T RunEpoch<T>(int epoch, int batches, int done, Func<T> body)
    {
        _epoch = epoch;
        _batches = batches;
        _lastLine = Stopwatch.GetTimestamp();
        return body();
    }

    public bool WantsUpdate() => interval != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(_lastLine) >= interval;

    /// <summary>Writes a line when one is due and the epoch is not over (its own line follows at once).</summary>
    public void Update(int done, EvaluationResult running, double samplesPerSecond)
    {
        if (done >= _batches || !WantsUpdate())
        {
            return;
        }

        _lastLine = Stopwatch.GetTimestamp();
        WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {_epoch}  batch {done}/{_batches}  {ProgressText.Metrics(running)}  {samplesPerSecond:F0} samples/s"));
    }

    public void WriteLine(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }
}
