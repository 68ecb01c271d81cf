namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// One finished configuration and seed: one line of the results log. <see cref="Epochs"/> and <see cref="MaxBatches"/>
/// say how it was trained, so a log written with other settings is not mistaken for this run's.
/// </summary>
/// <param name="TestAccuracy">Test accuracy after each epoch, first epoch first.</param>
/// <param name="Backend">The backend that trained it; logs written before there was a choice read as the engine.</param>
/// <param name="Connectivity">The trained model's connectivity matrix (readers as rows, sources as columns, each row the reader's shares of reading-weight mass).</param>
internal sealed record StudyResult(
    string Design,
    string Reading,
    ulong Seed,
    int Epochs,
    int? MaxBatches,
    long Params,
    int AutoSize,
    double[] TestAccuracy,
    double[] TrainLoss,
    string[] Modules,
    double[][] Connectivity,
    double Seconds,
    string Backend = BackendOptions.Engine)
{
    public string Configuration => $"{Design}/{Reading}";

    public double FinalAccuracy => TestAccuracy[^1];

    /// <summary>The line printed when the result is known, as key=value pairs; <paramref name="resumed"/> when it came from the log.</summary>
    public string Summary(bool resumed) =>
        FormattableString.Invariant($"design={Design} reading={Reading} seed={Seed} backend={Backend} params={Params} auto_size={AutoSize} test_accuracy={FinalAccuracy:0.0000} seconds={Seconds:0.0} resumed={(resumed ? "true" : "false")}");
}
