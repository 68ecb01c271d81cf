namespace ThalNet.Runtime.Training;

/// <summary>
/// Turns the first Ctrl+C into a cancellation request that a trainer observes after its current batch (it then
/// writes its checkpoint and returns); a second Ctrl+C ends the process at once, as usual.
/// </summary>
public sealed class CtrlCCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly TextWriter _output;

    public CtrlCCancellation(TextWriter? output = null)
    {
        _output = output ?? Console.Error;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public CancellationToken Token => _source.Token;

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
