using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>What every example does to train and to analyse, whatever its data: classification and language models differ only in the delegates.</summary>
internal static class ExampleRun
{
    public static int Train<TModel>(ExampleSettings settings, Func<RandomSource, TModel> createModel, string describeData, Func<Trainer<TModel>, CancellationToken, TrainingResult> fit, Func<Trainer<TModel>, EvaluationResult> evaluate, bool bitsPerCharacter, TextWriter? output)
        where TModel : SequenceModel
    {
        output ??= Console.Out;
        if (settings.Device == "cuda")
        {
            throw new TorchBackendException("--device cuda runs on the TorchSharp backend: add --backend torchsharp (this program's engine runs on the CPU).");
        }

        if (settings.Backend == "torchsharp")
        {
            throw new TorchBackendException($"--backend torchsharp is not wired into this example yet; SequentialMnist has it. Use --backend engine.");
        }

        using var trainer = new Trainer<TModel>(createModel, settings.ToTrainerOptions() with { Output = output });
        output.WriteLine($"model={trainer.Model.Info.Name} params={trainer.Model.ParameterCount()}{describeData} workers={trainer.Workers}");
        using var cancellation = new CtrlCCancellation();
        var result = fit(trainer, cancellation.Token);
        var final = result.Epochs.Count > 0 && result.Epochs[^1].Test is { } last ? last : evaluate(trainer);
        ExampleSummary.Print(output, result, final, bitsPerCharacter);
        return result.Interrupted ? 130 : 0;
    }

    public static int Analyze<TModel>(ExampleSettings settings, string outputFolder, Func<RandomSource, TModel> createModel, Func<Trainer<TModel>, double> metric, string metricName, bool higherIsBetter, TextWriter? output)
        where TModel : ThalNetModel
    {
        // One worker: ablation and attention probes live on the primary model only.
        using var trainer = new Trainer<TModel>(createModel, settings.ToTrainerOptions() with { Workers = 1, CheckpointPath = null, Resume = false, MetricsPath = null, Progress = false });
        return ExampleAnalysis.Run(trainer.Model, settings, outputFolder, _ => metric(trainer), metricName, higherIsBetter, output ?? Console.Out);
    }
}
