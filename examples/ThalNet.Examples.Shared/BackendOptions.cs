using System.CommandLine;
using ThalNet.Examples.Torch;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>
/// <c>--backend engine|torchsharp</c>, <c>--device cpu|cuda</c> and <c>--threads</c>, as every example takes them:
/// the same words, the same refusals and the same thread defaults (the engine's workers, or libtorch's threads).
/// </summary>
public sealed class BackendOptions
{
    public const string Engine = "engine";

    public const string TorchSharp = "torchsharp";

    public BackendOptions()
    {
        Backend.AcceptOnlyFromAmong(Engine, TorchSharp);
        Device.AcceptOnlyFromAmong("cpu", "cuda");
    }

    public Option<string> Backend { get; } = new("--backend") { Description = "engine (the own CPU engine) or torchsharp", DefaultValueFactory = _ => Engine };

    public Option<string> Device { get; } = new("--device") { Description = "cpu or cuda (TorchSharp backend only)", DefaultValueFactory = _ => "cpu" };

    public Option<int?> Threads { get; } = new("--threads") { Description = $"Worker threads (default {TrainerOptions.DefaultWorkers}); with --backend torchsharp, libtorch's threads (default {TorchBackend.DefaultThreads})" };

    /// <summary>--threads as given, else the default of the chosen backend.</summary>
    public int Workers(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(Threads) ?? (result.GetValue(Backend) == TorchSharp ? TorchBackend.DefaultThreads : TrainerOptions.DefaultWorkers);
    }
}
