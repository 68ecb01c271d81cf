namespace ThalNet.Runtime.Models;

/// <summary>The engine's implementation of each catalog loss (<see cref="Catalog.Losses"/>): a Tape operation of the entry's method name.</summary>
internal static class OutputLoss
{
    /// <summary>The loss of output <paramref name="index"/> of <paramref name="batch"/>, scaled by <paramref name="scale"/>.</summary>
    public static Tensor Compute(Tape tape, LossKind loss, Tensor values, SequenceBatch batch, int index, float scale) => loss switch
    {
        LossKind.CrossEntropy => tape.CrossEntropy(values, batch.Targets[index], scale),
        LossKind.Mse => tape.Mse(values, batch.DenseTargets[index] ?? throw new InvalidOperationException($"Output {index} has no dense targets."), scale),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "The engine has no implementation of this loss."),
    };
}
