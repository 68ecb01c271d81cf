namespace ThalNet.Runtime.Training;

/// <summary>For redirected output and CI logs: no live display, only each epoch's line and notes.</summary>
internal sealed class PlainProgressView(TextWriter output) : IProgressView
{
    public T RunEpoch<T>(int epoch, int batches, int done, Func<T> body) => body();

    public bool WantsUpdate() => false;

    public void Update(int done, EvaluationResult running, double samplesPerSecond)
    {
    }

    public void WriteLine(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }
}
