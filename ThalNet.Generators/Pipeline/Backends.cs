namespace ThalNet.Generators.Pipeline;

/// <summary>
/// The runtimes a project references, each getting its own class per model: the engine (ThalNet.Runtime,
/// class <c>{Model}</c>) and TorchSharp (ThalNet.TorchSharp, class <c>{Model}Torch</c>).
/// </summary>
internal readonly record struct Backends(bool Engine, bool TorchSharp)
{
    public static Backends EngineOnly => new(Engine: true, TorchSharp: false);

    public bool Any => Engine || TorchSharp;
}
