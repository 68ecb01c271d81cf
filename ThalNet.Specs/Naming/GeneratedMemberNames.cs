using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// The fixed names the generator emits, and the members of the runtime base classes generated classes derive from.
/// Spec names may not become any of them (THAL0006), and the user's part of an attributed class may not declare any
/// of <see cref="ModelClass"/> or <see cref="BaseClassMembers"/> (THAL0038). Tests compare <see cref="ModelClass"/>
/// with the members of generated classes and <see cref="BaseClassMembers"/> with the runtime's types by reflection.
/// </summary>
public static class GeneratedMemberNames
{
    /// <summary>The generated model class's static readers (a field: members are PascalCase, so an underscore never meets them).</summary>
    public const string StaticReadsField = "_staticReads";

    /// <summary>
    /// Names every generated model class may declare, besides those made from spec names (module properties, module
    /// classes <c>{Module}Module</c> and, on TorchSharp, module fields <c>_{module}</c>): constants, overrides, methods
    /// and nested types, of either backend.
    /// </summary>
    public static IReadOnlyList<string> ModelClass { get; } =
    [
        "CenterSize", "ParameterCount", "Substeps", StaticReadsField, "Info", "Readers", "StateNames", "RunsModuleGroups",
        "InitializeState", "Step", "Forward", "ComputeLoss", "StepCore", "Layout", "Inputs", "Outputs", "State", "Batch",
        "BatchInputs", "BatchTargets", "SequenceOutputs", "Losses", "AutoLayerSize", "DataSet",
    ];

    /// <summary>
    /// Fixed names of members of the generated nested classes that sit beside names made from spec names: the state's
    /// <c>Center</c>, the batch's <c>Steps</c>, the losses' <c>Total</c>.
    /// </summary>
    public static IReadOnlyList<string> NestedClasses { get; } =
    [
        "Center", "Steps", "Total",
    ];

    /// <summary>
    /// Public and protected members, of names a spec name can become (a capital letter, then letters and digits), of
    /// the runtime classes a generated class derives from: <c>ThalNetModel</c>, <c>SequenceModel</c>, the engine's
    /// <c>Module</c>, <c>TorchThalNetModel</c> and TorchSharp's <c>nn.Module</c>, and <c>object</c>.
    /// </summary>
    public static IReadOnlyList<string> BaseClassMembers { get; } =
    [
        "Ablate", "AblatedModules", "Ablation", "ActiveMasks", "AddModule", "AddParameter", "ClearModules", "ComputeLoss",
        "ConditionallyRegisterBuffer", "ConditionallyRegisterParameter", "Create", "CreateState", "Device", "Dispose",
        "Eval", "GetDefaultDeviceAndType", "GetName", "HType", "HookRemover", "Info", "InitializeState", "IsTraining",
        "NamedChildren", "NamedParameters", "ParameterCount", "Parameters", "Readers", "RegisterComponents", "ReplaceBuffer",
        "RecordActive", "ReplaceParameter", "Run", "RunSequence", "Runs", "RunsModuleGroups", "StateNames", "StepCore", "StepInput", "Train",
        "ZeroGrad",
        "Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString",
    ];

    /// <summary>Every name in <see cref="ModelClass"/>, <see cref="NestedClasses"/> and <see cref="BaseClassMembers"/>, once.</summary>
    public static IReadOnlyList<string> All { get; } = ModelClass.Concat(NestedClasses).Concat(BaseClassMembers).Distinct().ToArray();
}
