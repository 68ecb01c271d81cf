using ThalNet.Examples;
using ThalNet.Examples.SequentialCifar10;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Training;

// Sequential CIFAR-10: the binary version's images read one row (32 pixels x 3 channels) per step.
return new ExampleCommand("Train the sequential CIFAR-10 ThalNet (32 rows of 96 values).", "cifar-10-batches-bin")
    .Run(args, Train, Analyze);

static int Train(ExampleSettings settings) =>
    ClassificationExample.Train(settings, random => new SequentialCifar10Net(random), () => new SequentialCifar10NetTorch(), Load(settings, DataSplit.Train), Load(settings, DataSplit.Test));

static int Analyze(ExampleSettings settings, string output) =>
    ClassificationExample.Analyze(settings, output, random => new SequentialCifar10Net(random), Load(settings, DataSplit.Test));

static SequenceDatasetSource Load(ExampleSettings settings, DataSplit split) =>
    new(ImageSequences.Rows(CifarReader.Load(settings.DataDirectory, split)), SequentialCifar10Net.Layout.Info);
