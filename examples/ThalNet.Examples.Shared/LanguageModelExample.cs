using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>Training and analysis of a byte-level language model with truncated backpropagation through time.</summary>
public static class LanguageModelExample
{
    public static int Train<TModel>(ExampleSettings settings, Func<RandomSource, TModel> createModel, IStreamSource train, IStreamSource test, TextWriter? output = null)
        where TModel : ThalNetModel
    {
        output ??= Console.Out;
        using var trainer = new Trainer<TModel>(createModel, settings.ToTrainerOptions() with { Output = output });
        output.WriteLine($"model={trainer.Model.Info.Name} params={trainer.Model.ParameterCount()} workers={trainer.Workers}");
        using var cancellation = new CtrlCCancellation();
        var result = trainer.Fit(train, test, cancellation.Token);
        var final = result.Epochs.Count > 0 && result.Epochs[^1].Test is { } last ? last : trainer.Evaluate(test);
        ExampleSummary.Print(output, result, final, bitsPerCharacter: true);
        return result.Interrupted ? 130 : 0;
    }

    public static int Analyze<TModel>(ExampleSettings settings, string outputFolder, Func<RandomSource, TModel> createModel, IStreamSource test, TextWriter? output = null)
        where TModel : ThalNetModel
    {
        using var trainer = new Trainer<TModel>(createModel, settings.ToTrainerOptions() with { Workers = 1, CheckpointPath = null, Resume = false, MetricsPath = null, Progress = false });
        return ExampleAnalysis.Run(trainer.Model, settings, outputFolder, _ => trainer.Evaluate(test).BitsPerCharacter, "bits per character", higherIsBetter: false, output ?? Console.Out);
    }
}
