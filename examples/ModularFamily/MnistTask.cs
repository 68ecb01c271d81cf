using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples.ModularFamily;

/// <summary>
/// Sequential MNIST as the design study reads it (28 rows of 28 pixels, the digit after the last row): the first
/// <paramref name="trainCount"/> training images (all when null) and every test image; scored by test accuracy.
/// </summary>
internal sealed class MnistTask(string directory, int? trainCount) : IFamilyTask
{
    private readonly SequenceDataset _train = First(ImageSequences.Rows(MnistReader.Load(directory, DataSplit.Train)), trainCount);
    private readonly SequenceDataset _test = ImageSequences.Rows(MnistReader.Load(directory, DataSplit.Test));

    public string Name => FamilyTasks.Mnist;

    public int TrainCount => _train.Count;

    public int TestCount => _test.Count;

    public int Delay => 0;

    public ISequenceSource Train(ModelInfo model) => new SequenceDatasetSource(_train, model);

    public ISequenceSource Test(ModelInfo model) => new SequenceDatasetSource(_test, model);

    public double Score(Trainer<ThalNetModel> trainer, ISequenceSource test) => trainer.Evaluate(test).Accuracy;

    private static SequenceDataset First(SequenceDataset data, int? count) => count is { } n && n < data.Count ? data.Slice(0, n) : data;
}
