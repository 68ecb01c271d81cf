using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace ThalNet.Runtime.Training;

/// <summary>
/// A Spectre.Console progress bar per epoch showing the running loss, each output's accuracy (or bits per character) and samples
/// per second. Each epoch is its own live display, so the lines written between epochs go straight to the
/// console's writer, unwrapped.
/// </summary>
internal sealed class SpectreProgressView(IAnsiConsole console) : IProgressView
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private ProgressTask? _task;
    private int _epoch;
    private long _lastUpdate;

    public T RunEpoch<T>(int epoch, int batches, int done, Func<T> body) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                _epoch = epoch;
                _task = context.AddTask($"epoch {epoch}", maxValue: batches);
                _task.Value = done;
                _lastUpdate = Stopwatch.GetTimestamp();
                try
                {
                    return body();
                }
                finally
                {
                    _task.StopTask();
                    _task = null;
                }
            });

    public bool WantsUpdate() => Stopwatch.GetElapsedTime(_lastUpdate) >= RefreshInterval;

    public void Update(int done, EvaluationResult running, double samplesPerSecond)
    {
        if (_task is null)
        {
            return;
        }

        _lastUpdate = Stopwatch.GetTimestamp();
        _task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"epoch {_epoch}  {ProgressText.Metrics(running)}  {samplesPerSecond:F0} samples/s"));
        _task.Value = done;
    }

    public void WriteLine(string line)
    {
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(line);
        writer.Flush();
    }
}
