using ThalNet.Examples;
using ThalNet.Examples.MultiTask;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Training;

// Multi-task training: the main output reads the digit, an extra output module learns its parity.
return new ExampleCommand("Train a multi-task ThalNet on sequential MNIST: digit plus an auxiliary parity output.", "mnist-8k2k")
    .Run(args, Train, Analyze);

static int Train(ExampleSettings settings) =>
    ClassificationExample.Train(settings, random => new MultiTaskMnistNet(random), () => new MultiTaskMnistNetTorch(), Load(settings, DataSplit.Train), Load(settings, DataSplit.Test));

static int Analyze(ExampleSettings settings, string output) =>
    ClassificationExample.Analyze(settings, output, random => new MultiTaskMnistNet(random), Load(settings, DataSplit.Test));

static SequenceDatasetSource Load(ExampleSettings settings, DataSplit split)
{
    var images = MnistReader.Load(settings.DataDirectory, split);
    return new SequenceDatasetSource(ImageSequences.Rows(images), MultiTaskMnistNet.Layout.Info)
        .WithLabels("parity", example => images.Labels.Span[example] % 2);
}
