using ThalNet.Runtime;
using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Models;
using ThalNet.Examples.Torch;
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

        if (settings.Backend == BackendOptions.TorchSharp)
        {
            throw new TorchBackendException("--backend torchsharp trains generated ThalNet models, and this example's model is not a ThalNet spec, so it has no TorchSharp model; use --backend engine.");
        }

        using var trainer = new Trainer<TModel>(createModel, settings.ToTrainerOptions() with { Output = output });
        output.WriteLine($"model={trainer.Model.Info.Name} params={trainer.Model.ParameterCount()}{describeData} workers={trainer.Workers} parallel={trainer.Parallel.ToString().ToLowerInvariant()}");
        using var cancellation = new CtrlCCancellation();
        var result = fit(trainer, cancellation.Token);
        return Finish(output, result, () => evaluate(trainer), bitsPerCharacter);
    }

    /// <summary>Prints the summary of the last epoch's test metrics (or of <paramref name="evaluate"/> when this run trained none); 130 when interrupted.</summary>
    public static int Finish(TextWriter output, TrainingResult result, Func<EvaluationResult> evaluate, bool bitsPerCharacter)
    {
        var final = result.Epochs.Count > 0 && result.Epochs[^1].Test is { } last ? last : evaluate();
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
