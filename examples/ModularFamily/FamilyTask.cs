using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples.ModularFamily;

/// <summary>A task the family trains on: its data for a model of the task's spec, and how a trained model is scored.</summary>
internal interface IFamilyTask
{
    string Name { get; }

    int TrainCount { get; }

    int TestCount { get; }

    /// <summary>The copying task's delay in blank steps; 0 for a task without one.</summary>
    int Delay { get; }

    ISequenceSource Train(ModelInfo model);

    ISequenceSource Test(ModelInfo model);

    /// <summary>The task's accuracy of the trainer's model on <paramref name="test"/>, in [0, 1].</summary>
    double Score(Trainer<ThalNetModel> trainer, ISequenceSource test);
}

/// <summary>The family's two tasks by name.</summary>
internal static class FamilyTasks
{
    public const string Mnist = "mnist";

    public const string Copy = "copy";

    public static IReadOnlyList<string> Names { get; } = [Mnist, Copy];
}
