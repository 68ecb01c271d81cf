using ThalNet.Runtime;
using ThalNet.Runtime.Analysis;
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

    /// <summary>Loads the checkpoint into a fresh model and writes <see cref="ModelReport"/>'s report of it on the test data.</summary>
    public static int Analyze<TModel>(ExampleSettings settings, string outputFolder, Func<RandomSource, TModel> createModel, Func<TModel, AnalysisOptions, ModelReport> analyze, TextWriter? output)
        where TModel : ThalNetModel
    {
        if (!File.Exists(settings.CheckpointPath) && !Directory.Exists(settings.CheckpointPath))
        {
            return ExpectedErrors.Report($"there is no checkpoint at '{settings.CheckpointPath}'; train with --checkpoint {settings.CheckpointPath} first.");
        }

        var model = createModel(new RandomSource(settings.Seed));
        model.LoadWeights(settings.CheckpointPath);
        if (NonFiniteScan.FirstParameter(model) is { } nonFinite)
        {
            Console.Error.WriteLine($"warning: checkpoint '{settings.CheckpointPath}' holds a non-finite parameter, {nonFinite}; the report will show the damage, not what a trained model learned.");
        }

        var html = analyze(model, settings.ToAnalysisOptions()).WriteTo(outputFolder);
        (output ?? Console.Out).WriteLine($"report={html}");
        return 0;
    }
}
