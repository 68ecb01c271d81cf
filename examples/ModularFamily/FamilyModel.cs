using ThalNet.Runtime;
using ThalNet.Runtime.Models;

namespace ThalNet.Examples.ModularFamily;

/// <summary>One member of the family on one task, with its spec's generated class.</summary>
/// <param name="Task">The task's name (<see cref="FamilyTasks.Names"/>).</param>
/// <param name="Name">The model's name (<see cref="Names"/>).</param>
/// <param name="AutoSize">The layer size the generator solved from the spec's parameter budget.</param>
/// <param name="Info">The spec's inputs, outputs and modules.</param>
/// <param name="Create">The engine model, its weights drawn from the generator.</param>
internal sealed record FamilyModel(string Task, string Name, int AutoSize, ModelInfo Info, Func<RandomSource, ThalNetModel> Create)
{
    public const string WeightNorm = "weight-norm";

    public const string Attention = "attention";

    public const string AttentionActive = "attention-active";

    /// <summary>The three models, in the order of every table and figure.</summary>
    public static IReadOnlyList<string> Names { get; } = [WeightNorm, Attention, AttentionActive];

    /// <summary>The six specs under Specs/: every model on every task.</summary>
    public static IReadOnlyList<FamilyModel> All { get; } =
    [
        new(FamilyTasks.Mnist, WeightNorm, MnistWeightNormNet.AutoLayerSize, MnistWeightNormNet.Layout.Info, r => new MnistWeightNormNet(r)),
        new(FamilyTasks.Mnist, Attention, MnistAttentionNet.AutoLayerSize, MnistAttentionNet.Layout.Info, r => new MnistAttentionNet(r)),
        new(FamilyTasks.Mnist, AttentionActive, MnistAttentionActiveNet.AutoLayerSize, MnistAttentionActiveNet.Layout.Info, r => new MnistAttentionActiveNet(r)),
        new(FamilyTasks.Copy, WeightNorm, CopyWeightNormNet.AutoLayerSize, CopyWeightNormNet.Layout.Info, r => new CopyWeightNormNet(r)),
        new(FamilyTasks.Copy, Attention, CopyAttentionNet.AutoLayerSize, CopyAttentionNet.Layout.Info, r => new CopyAttentionNet(r)),
        new(FamilyTasks.Copy, AttentionActive, CopyAttentionActiveNet.AutoLayerSize, CopyAttentionActiveNet.Layout.Info, r => new CopyAttentionActiveNet(r)),
    ];
}
