namespace ThalNet.Runtime.Training;

/// <summary>For redirected output and CI logs: no live display, only each epoch's line and notes.</summary>
internal sealed class PlainProgressView(TextWriter output) : IProgressView
{
    public T Run<T>(Func<T> body) => body();

    public void BeginEpoch(int epoch, int batches, int done)
    {
    }

    public bool WantsUpdate() => false;

    public void Update(int done, EvaluationResult running, double samplesPerSecond)
    {
    }

    public void EndEpoch(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }

    public void Note(string message)
    {
        output.WriteLine(message);
        output.Flush();
    }
}
