namespace ThalNet.Runtime.Training;

/// <summary>
/// Turns the first Ctrl+C into a cancellation request that a trainer observes after its current batch (it then
/// writes its checkpoint and returns); a second Ctrl+C ends the process at once, as usual.
/// </summary>
public sealed class CtrlCCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly TextWriter _output;

    /// <summary>Starts listening for Ctrl+C.</summary>
    /// <param name="output">Where the notice of the first Ctrl+C goes; standard error when null.</param>
    public CtrlCCancellation(TextWriter? output = null)
    {
        _output = output ?? Console.Error;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Cancelled at the first Ctrl+C; pass it to the trainer.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Stops listening: Ctrl+C ends the process again.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        e.Cancel = true;
        _output.WriteLine("Stopping after the current batch and writing the checkpoint (press Ctrl+C again to quit at once).");
        _source.Cancel();
    }
}
