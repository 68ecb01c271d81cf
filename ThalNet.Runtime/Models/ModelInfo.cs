namespace ThalNet.Runtime.Models;

/// <summary>What any sequence model takes and gives, all that trainers read: its task inputs and its outputs with their losses.</summary>
public record SequenceInfo(string Name, IReadOnlyList<InputInfo> Inputs, IReadOnlyList<OutputInfo> Outputs);

/// <summary>What a compiled ThalNet model is made of: emitted by the generator as constants, read by trainers and analysis.</summary>
public sealed record ModelInfo(
    string Name,
    int CenterSize,
    int Substeps,
    IReadOnlyList<InputInfo> Inputs,
    IReadOnlyList<ModuleInfo> Modules,
    IReadOnlyList<OutputInfo> Outputs)
    : SequenceInfo(Name, Inputs, Outputs);

/// <summary>A task input: dense values of <paramref name="Width"/> per step, or integer tokens one-hot over a vocabulary of <paramref name="Width"/>.</summary>
public sealed record InputInfo(string Name, int Width, bool IsTokens);

/// <summary>A module and its slice [Offset, Offset + Size) of the center.</summary>
public sealed record ModuleInfo(string Name, ModuleRole Role, int Offset, int Size, int ContextSize, ReadingMechanism Reading, IReadOnlyList<string> Inputs);

/// <summary>An output head on a module: <paramref name="EveryStep"/> for `at: every`, else only after the last step.</summary>
public sealed record OutputInfo(string Module, string Name, int Size, LossKind Loss, bool EveryStep, float Weight);
