namespace ThalNet.Runtime.Training;

/// <summary>How a training run shows its progress: live bars on a console, or one plain line per epoch.</summary>
internal interface IProgressView
{
    /// <summary>Runs the whole training inside the view (a live display needs to own the console meanwhile).</summary>
    T Run<T>(Func<T> body);

    void BeginEpoch(int epoch, int batches, int done);

    /// <summary>True when <see cref="Update"/> is worth its cost now; live views throttle themselves with it.</summary>
    bool WantsUpdate();

    void Update(int done, EvaluationResult running, double samplesPerSecond);

    /// <summary>Closes the epoch's bar and prints its line.</summary>
    void EndEpoch(string line);

    void Note(string message);
}
