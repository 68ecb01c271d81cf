namespace ThalNet.Runtime.Training;

/// <summary>How a training run shows its progress: a live bar per epoch on a console, or plain lines only.</summary>
internal interface IProgressView
{
    /// <summary>Runs an epoch's batches (<paramref name="done"/> of <paramref name="batches"/> already done) inside the view.</summary>
    T RunEpoch<T>(int epoch, int batches, int done, Func<T> body);

    /// <summary>True when <see cref="Update"/> is worth its cost now; live views throttle themselves with it.</summary>
    bool WantsUpdate();

    void Update(int done, EvaluationResult running, double samplesPerSecond);

    /// <summary>Writes a whole line (epoch lines, notes) outside any live display, so it is never wrapped or redrawn.</summary>
    void WriteLine(string line);
}
