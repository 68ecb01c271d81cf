using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples.DesignStudy;

/// <summary>Sequential MNIST, loaded once: 28 rows of 28 pixels, the digit after the last row.</summary>
internal sealed class StudyData(string directory)
{
    private readonly SequenceDataset _train = ImageSequences.Rows(MnistReader.Load(directory, DataSplit.Train));
    private readonly SequenceDataset _test = ImageSequences.Rows(MnistReader.Load(directory, DataSplit.Test));

    public int TrainCount => _train.Count;

    public int TestCount => _test.Count;

    public SequenceDatasetSource Train(SequenceInfo model) => new(_train, model);

    public SequenceDatasetSource Test(SequenceInfo model) => new(_test, model);
}
