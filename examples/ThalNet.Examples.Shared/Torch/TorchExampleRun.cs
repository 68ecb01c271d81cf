using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;

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
        var device = TorchBackend.Prepare(settings.Device, settings.Workers);
        var options = settings.ToTrainerOptions() with { Output = output };
        using var run = new TorchSeededRun<TModel>(options, createModel, createTorchModel, device, createTask);
        output.WriteLine($"model={run.Initial.Info.Name} params={run.Initial.ParameterCount()}{describeData} backend=torchsharp device={settings.Device} threads={settings.Workers}");
        using var cancellation = new CtrlCCancellation();
        var result = run.Train(cancellation.Token);
        return ExampleRun.Finish(output, result, () => run.Task.Evaluate()!, bitsPerCharacter);
    }
}
