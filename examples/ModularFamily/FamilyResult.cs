namespace ThalNet.Examples.ModularFamily;

/// <summary>
/// One finished task, model and seed: one line of the results log. <see cref="Epochs"/>, <see cref="MaxBatches"/>,
/// <see cref="TrainExamples"/>, <see cref="Delay"/>, <see cref="Optimizer"/> and <see cref="LearningRate"/> say how it was trained, so a log written with other settings is
/// not mistaken for this run's.
/// </summary>
/// <param name="TestAccuracy">The task's test accuracy after each epoch, first epoch first.</param>
/// <param name="TrainLoss">The mean training loss of each epoch.</param>
/// <param name="Seconds">Wall-clock seconds of the run: training, the evaluation after every epoch, the activity trace.</param>
/// <param name="Activity">For a model whose modules compete, which modules updated on one test example and their shares over test data.</param>
/// <param name="Optimizer">The optimizer (<c>adam</c> or <c>rmsprop</c>), and <paramref name="LearningRate"/> its learning rate.</param>
internal sealed record FamilyResult(
    string Task,
    string Model,
    ulong Seed,
    int Epochs,
    int? MaxBatches,
    int TrainExamples,
    int TestExamples,
    int Delay,
    long Params,
    int AutoSize,
    double[] TestAccuracy,
    double[] TrainLoss,
    double Seconds,
    FamilyActivity? Activity,
    string Optimizer = FamilySettings.Adam,
    float LearningRate = FamilySettings.DefaultLearningRate)
{
    public double FinalAccuracy => TestAccuracy[^1];

    /// <summary>The line printed when the result is known, as key=value pairs; <paramref name="resumed"/> when it came from the log.</summary>
    public string Summary(bool resumed) =>
        FormattableString.Invariant($"task={Task} model={Model} seed={Seed} params={Params} auto_size={AutoSize} test_accuracy={FinalAccuracy:0.0000} seconds={Seconds:0.0} resumed={(resumed ? "true" : "false")}");
}
