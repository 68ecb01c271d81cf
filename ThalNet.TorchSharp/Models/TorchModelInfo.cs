using ThalNet.Specs;

namespace ThalNet.TorchSharp.Models;

/// <summary>What a generated TorchSharp ThalNet is made of (the engine's <c>ModelInfo</c>, without depending on the engine).</summary>
public sealed record TorchModelInfo(
    string Name,
    int CenterSize,
    int Substeps,
    IReadOnlyList<TorchInputInfo> Inputs,
    IReadOnlyList<TorchModuleInfo> Modules,
    IReadOnlyList<TorchOutputInfo> Outputs);

/// <summary>A task input: dense values of <paramref name="Width"/> per step, or integer tokens one-hot over a vocabulary of <paramref name="Width"/>.</summary>
public sealed record TorchInputInfo(string Name, int Width, bool IsTokens);

/// <summary>A module and its slice [Offset, Offset + Size) of the center.</summary>
public sealed record TorchModuleInfo(string Name, ModuleRole Role, int Offset, int Size, int ContextSize, ReadingMechanism Reading, IReadOnlyList<string> Inputs);

/// <summary>An output head on a module: <paramref name="EveryStep"/> for `at: every`, else only after the last step.</summary>
public sealed record TorchOutputInfo(string Module, string Name, int Size, LossKind Loss, bool EveryStep, float Weight);
