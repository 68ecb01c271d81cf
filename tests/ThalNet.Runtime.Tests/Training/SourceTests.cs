using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

public class SourceTests
{
    private static readonly ModelInfo Classifier = TinyThalNet.Classifier(new RandomSource(1), TrainingData.Features, TrainingData.Classes).Info;
    private static readonly ModelInfo MultiTask = TinyThalNet.MultiTask(new RandomSource(1), TrainingData.Features, TrainingData.Classes).Info;
    private static readonly ModelInfo LanguageModel = TinyThalNet.LanguageModel(new RandomSource(1)).Info;

    [Fact]
    public void A_sequence_dataset_fills_the_dense_input_and_the_labels_time_major()
    {
        var data = TrainingData.Noisy(10, seed: 51);
        var batch = new SequenceBatch(Classifier, data.Steps, 3);
        var expected = new float[data.BatchInputLength(3)];
        var labels = new int[3];
        data.FillBatch([7, 2, 5], expected, labels);

        new SequenceDatasetSource(data, Classifier).Fill([7, 2, 5], batch);

        Assert.Equal(expected, batch.Dense[0]!.Data.ToArray());
        Assert.Equal(labels, batch.Targets[0]);
    }

    [Fact]
    public void Outputs_take_the_dataset_labels_unless_given_their_own()
    {
        var data = TrainingData.Noisy(10, seed: 52);
        var parity = TrainingData.Parity(data);
        var batch = new SequenceBatch(MultiTask, data.Steps, 4);
        var source = new SequenceDatasetSource(data, MultiTask).WithLabels("parity", parity);

        source.Fill([9, 0, 3, 4], batch);
        var byFunction = new SequenceBatch(MultiTask, data.Steps, 4);
        new SequenceDatasetSource(data, MultiTask).WithLabels("parity", i => parity[i]).Fill([9, 0, 3, 4], byFunction);

        int[] examples = [9, 0, 3, 4];
        Assert.Equal(examples.Select(i => data.Labels.Span[i]), batch.Targets[0]);
        Assert.Equal(examples.Select(i => parity[i]), batch.Targets[1]);
        Assert.Equal(batch.Targets[1], byFunction.Targets[1]);
    }

    [Fact]
    public void Labels_that_do_not_fit_an_output_are_refused()
    {
        var data = TrainingData.Noisy(10, seed: 53);
        var batch = new SequenceBatch(MultiTask, data.Steps, 2);

        var tooMany = Assert.Throws<InvalidOperationException>(() => new SequenceDatasetSource(data, MultiTask).Fill([0, 1], batch));
        var outOfRange = Assert.Throws<ArgumentException>(() => new SequenceDatasetSource(data, MultiTask).WithLabels("parity", new int[10].Select(_ => 2).ToArray()));
        var unknown = Assert.Throws<ArgumentException>(() => new SequenceDatasetSource(data, MultiTask).WithLabels("colour", new int[10]));

        Assert.Contains("'parity' has 2 classes", tooMany.Message);
        Assert.Contains("outside 0..1", outOfRange.Message);
        Assert.Contains("no output 'colour'", unknown.Message);
    }

    [Fact]
    public void A_dataset_of_another_width_or_a_token_model_is_refused()
    {
        var data = TrainingData.Noisy(10, seed: 54);
        var wide = TinyThalNet.Classifier(new RandomSource(1), TrainingData.Features + 1, TrainingData.Classes).Info;

        Assert.Contains("takes 5 values per step but the dataset has 4", Assert.Throws<ArgumentException>(() => new SequenceDatasetSource(data, wide)).Message);
        Assert.Throws<ArgumentException>(() => new SequenceDatasetSource(data, LanguageModel));
        Assert.Throws<ArgumentException>(() => new LanguageModelSource(new LanguageModelBatcher(TrainingData.Text(100), 2, 4), Classifier));
    }

    [Fact]
    public void A_language_model_source_gives_each_worker_its_streams()
    {
        var batcher = new LanguageModelBatcher(TrainingData.Text(123), batchSize: 5, segmentLength: 4);
        var inputs = new int[batcher.TokensPerSegment];
        var targets = new int[batcher.TokensPerSegment];
        batcher.Fill(3, inputs, targets);
        var source = new LanguageModelSource(batcher, LanguageModel);
        var first = new SequenceBatch(LanguageModel, 4, 2);
        var second = new SequenceBatch(LanguageModel, 4, 3);

        source.Fill(3, 0, first);
        source.Fill(3, 2, second);

        for (var t = 0; t < 4; t++)
        {
            for (var b = 0; b < 5; b++)
            {
                var (batch, row) = b < 2 ? (first, b) : (second, b - 2);
                Assert.Equal(inputs[(t * 5) + b], batch.Tokens[0]![(t * batch.Batch) + row]);
                Assert.Equal(targets[(t * 5) + b], batch.Targets[0][(t * batch.Batch) + row]);
            }
        }
    }
}
