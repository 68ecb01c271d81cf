using ThalNet.Runtime;
using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>Training and analysis of a model that classifies whole sequences (sequential and permuted MNIST, CIFAR-10, multi-task).</summary>
public static class ClassificationExample
{
    public static int Train<TModel>(ExampleSettings settings, Func<RandomSource, TModel> createModel, ISequenceSource train, ISequenceSource test, TextWriter? output = null)
        where TModel : SequenceModel =>
        train.Count < settings.BatchSize
            ? ExpectedErrors.Report($"--batch-size {settings.BatchSize} is more than the {train.Count} training examples in '{settings.DataDirectory}'; use a --batch-size of at most {train.Count}.")
            : ExampleRun.Train(settings, createModel, $" train={train.Count} test={test.Count}", (t, c) => t.Fit(train, test, c), t => t.Evaluate(test), bitsPerCharacter: false, output);

    /// <summary>Like <see cref="Train{TModel}"/>, and with <c>--backend torchsharp</c> trains <paramref name="createTorchModel"/>'s model instead.</summary>
    public static int Train<TModel>(ExampleSettings settings, Func<RandomSource, TModel> createModel, Func<ThalNet.TorchSharp.Models.TorchThalNetModel> createTorchModel, ModelInfo info, ISequenceSource train, ISequenceSource test, TextWriter? output = null)
        where TModel : ThalNetModel =>
        settings.Backend == "torchsharp"
            ? TorchClassificationRun.Train(settings, createTorchModel, info, train, test, output ?? Console.Out)
            : Train(settings, createModel, train, test, output);

    public static int Analyze<TModel>(ExampleSettings settings, string outputFolder, Func<RandomSource, TModel> createModel, ISequenceSource test, TextWriter? output = null)
        where TModel : ThalNetModel =>
        ExampleRun.Analyze(settings, outputFolder, createModel, (model, options) => ModelReport.Create(model, test, options), output);
}
