namespace ThalNet.Generators.Pipeline;

/// <summary>A valid model as the printers need it: its namespace resolved (empty for the global namespace), its step plan, and the runtimes to emit it for.</summary>
internal sealed record GeneratedModel(string Namespace, StepPlan Plan)
{
    /// <summary>Which classes to emit; set from the compilation's references once every spec is read.</summary>
    public Backends Backends { get; init; } = Backends.EngineOnly;

    public string FullName => Namespace.Length == 0 ? Plan.Name : Namespace + "." + Plan.Name;

    /// <summary><c>{Namespace}.{Model}.g.cs</c>.</summary>
    public string HintName => FullName + ".g.cs";

    /// <summary>The TorchSharp class's name, <c>{Model}Torch</c>, beside the engine's <c>{Model}</c>.</summary>
    public string TorchClassName => Plan.Name + "Torch";

    /// <summary><c>{Namespace}.{Model}Torch.g.cs</c>.</summary>
    public string TorchHintName => FullName + "Torch.g.cs";
}
