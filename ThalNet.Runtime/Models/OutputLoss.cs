using System.Reflection;

namespace ThalNet.Runtime.Models;

/// <summary>
/// The engine's implementation of each catalog loss (<see cref="Catalog.Losses"/>): the Tape operation of the entry's
/// method name, found through the catalog once and called with the targets its <see cref="TargetKind"/> says.
/// </summary>
internal static class OutputLoss
{
    private static readonly Dictionary<LossKind, Delegate> Operations = Catalog.Losses.ToDictionary(e => e.Kind, Bind);

    private delegate Tensor ClassIndexLoss(Tape tape, Tensor values, ReadOnlySpan<int> targets, float scale);

    private delegate Tensor DenseLoss(Tape tape, Tensor values, Tensor targets, float scale);

    /// <summary>The loss of output <paramref name="index"/> of <paramref name="batch"/>, scaled by <paramref name="scale"/>.</summary>
    /// <exception cref="InvalidOperationException">The catalog has no such loss, or a dense loss's output has no dense targets.</exception>
    public static Tensor Compute(Tape tape, LossKind loss, Tensor values, SequenceBatch batch, int index, float scale)
    {
        var operation = Operations.TryGetValue(loss, out var found) ? found : throw new InvalidOperationException($"The catalog has no loss '{loss}'.");
        return operation is ClassIndexLoss classes
            ? classes(tape, values, batch.Targets[index], scale)
            : ((DenseLoss)operation)(tape, values, batch.DenseTargets[index] ?? throw new InvalidOperationException($"Output {index} has no dense targets."), scale);
    }

    private static Delegate Bind(LossEntry entry)
    {
        var dense = entry.Targets == TargetKind.Dense;
        var targets = dense ? typeof(Tensor) : typeof(ReadOnlySpan<int>);
        var method = typeof(Tape).GetMethod(entry.Method, BindingFlags.Public | BindingFlags.Instance, [typeof(Tensor), targets, typeof(float)])
            ?? throw new InvalidOperationException($"The catalog names loss operation Tape.{entry.Method}(Tensor, {targets.Name}, float), which the engine does not have.");
        return dense ? method.CreateDelegate<DenseLoss>() : method.CreateDelegate<ClassIndexLoss>();
    }
}
