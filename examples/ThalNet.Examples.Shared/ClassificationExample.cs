using ThalNet.Runtime;
using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using ThalNet.Examples.Torch;

namespace ThalNet.Examples;

/// <summary>Training and analysis of a model that classifies whole sequences (sequential and permuted MNIST, CIFAR-10, multi-task).</summary>
public static class ClassificationExample
{
    public static int Train<TModel>(ExampleSettings settings, Func<RandomSource, TModel> createModel, ISequenceSource train, ISequenceSource test, TextWriter? output = null)
        where TModel : SequenceModel =>
        train.Count < settings.BatchSize
            ? TooFewExamples(settings, train)
            : ExampleRun.Train(settings, createModel, Describe(train, test), (t, c) => t.Fit(train, test, c), t => t.Evaluate(test), bitsPerCharacter: false, output);

    /// <summary>Like <see cref="Train{TModel}"/>, and with <c>--backend torchsharp</c> trains <paramref name="createTorchModel"/>'s model instead.</summary>
    public static int Train<TModel>(ExampleSettings settings, Func<RandomSource, TModel> createModel, Func<TorchThalNetModel> createTorchModel, ISequenceSource train, ISequenceSource test, TextWriter? output = null)
        where TModel : ThalNetModel =>
        settings.Backend != BackendOptions.TorchSharp
            ? Train(settings, createModel, train, test, output)
            : train.Count < settings.BatchSize
                ? TooFewExamples(settings, train)
                : TorchExampleRun.Train(settings, createModel, createTorchModel, Describe(train, test), (model, info, options) => new TorchSequenceTraining(model, info, train, test, options), bitsPerCharacter: false, output);

    private static int TooFewExamples(ExampleSettings settings, ISequenceSource train) =>
        ExpectedErrors.Report($"--batch-size {settings.BatchSize} is more than the {train.Count} training examples in '{settings.DataDirectory}'; use a --batch-size of at most {train.Count}.");

    private static string Describe(ISequenceSource train, ISequenceSource test) => $" train={train.Count} test={test.Count}";

    public static int Analyze<TModel>(ExampleSettings settings, string outputFolder, Func<RandomSource, TModel> createModel, ISequenceSource test, TextWriter? output = null)
        where TModel : ThalNetModel =>
        ExampleRun.Analyze(settings, outputFolder, createModel, (model, options) => ModelReport.Create(model, test, options), output);
}
