using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using TorchSharp;

namespace ThalNet.Examples.Torch;

/// <summary>
/// <c>--backend torchsharp</c>: trains an example's TorchSharp model through the same training session as the engine
/// (progress, epoch lines, JSON-lines metrics, checkpoints, resume), starting from the engine's initial weights for
/// the seed and drawing the same data order.
/// </summary>
internal static class TorchExampleRun
{
    public static int Train<TModel>(ExampleSettings settings, Func<RandomSource, TModel> createModel, Func<TorchThalNetModel> createTorchModel, string describeData, Func<TorchThalNetModel, SequenceInfo, TrainerOptions, ITrainingTask> createTask, bool bitsPerCharacter, TextWriter? output)
        where TModel : SequenceModel
    {
        output ??= Console.Out;
        var device = TorchBackend.Device(settings.Device);
        var options = settings.ToTrainerOptions() with { Output = output };
        torch.set_num_threads(settings.Workers);

        // The engine's trainer draws the initial weights from the seed's generator and then every epoch's order from
        // the same generator: doing both here gives the TorchSharp run the engine's starting point and batches.
        var random = new RandomSource(options.Seed);
        var initial = createModel(random);
        using var model = createTorchModel();
        EngineWeights.CopyTo(initial, model);
        model.to(device);
        using var backend = new TorchTrainingBackend(model, initial.Info, options.Optimizer, options.LearningRate);
        var task = createTask(model, initial.Info, options);
        output.WriteLine($"model={initial.Info.Name} params={initial.ParameterCount()}{describeData} backend=torchsharp device={settings.Device} threads={settings.Workers}");
        using var cancellation = new CtrlCCancellation();
        var result = TrainingSession.Run(backend, task, options, random, cancellation.Token);
        return ExampleRun.Finish(output, result, () => task.Evaluate()!, bitsPerCharacter);
    }
}
