using ThalNet.Runtime;
using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using ThalNet.Examples.Torch;

namespace ThalNet.Examples;

/// <summary>Training and analysis of a byte-level language model with truncated backpropagation through time.</summary>
public static class LanguageModelExample
{
    public static int Train<TModel>(ExampleSettings settings, Func<RandomSource, TModel> createModel, IStreamSource train, IStreamSource test, TextWriter? output = null)
        where TModel : SequenceModel =>
        ExampleRun.Train(settings, createModel, string.Empty, (t, c) => t.Fit(train, test, c), t => t.Evaluate(test), bitsPerCharacter: true, output);

    /// <summary>Like <see cref="Train{TModel}"/>, and with <c>--backend torchsharp</c> trains <paramref name="createTorchModel"/>'s model instead.</summary>
    public static int Train<TModel>(ExampleSettings settings, Func<RandomSource, TModel> createModel, Func<TorchThalNetModel> createTorchModel, IStreamSource train, IStreamSource test, TextWriter? output = null)
        where TModel : ThalNetModel =>
        settings.Backend != BackendOptions.TorchSharp
            ? Train(settings, createModel, train, test, output)
            : TorchExampleRun.Train(settings, createModel, createTorchModel, string.Empty, (model, info, options) => new TorchStreamTraining(model, info, train, test, options), bitsPerCharacter: true, output);

    public static int Analyze<TModel>(ExampleSettings settings, string outputFolder, Func<RandomSource, TModel> createModel, IStreamSource test, TextWriter? output = null)
        where TModel : ThalNetModel =>
        ExampleRun.Analyze(settings, outputFolder, createModel, (model, options) => ModelReport.Create(model, test, options), output);
}
