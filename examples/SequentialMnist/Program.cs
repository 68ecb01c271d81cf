using ThalNet.Examples;
using ThalNet.Examples.SequentialMnist;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Training;

// Sequential MNIST (Hafner et al. 2017, section 4): each image is read one row of 28 pixels per step.
return new ExampleCommand("Train the sequential-MNIST ThalNet (28 rows of 28 pixels, the digit after the last row).", "mnist-8k2k")
    .Run(args, Train, Analyze);

static int Train(ExampleSettings settings) =>
    ClassificationExample.Train(settings, random => new SequentialMnistNet(random), () => new SequentialMnistNetTorch(), Load(settings, DataSplit.Train), Load(settings, DataSplit.Test));

static int Analyze(ExampleSettings settings, string output) =>
    ClassificationExample.Analyze(settings, output, random => new SequentialMnistNet(random), Load(settings, DataSplit.Test));

static SequenceDatasetSource Load(ExampleSettings settings, DataSplit split) =>
    new(ImageSequences.Rows(MnistReader.Load(settings.DataDirectory, split)), SequentialMnistNet.Layout.Info);
