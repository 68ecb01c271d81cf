using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

/// <summary>
/// Modules that compete to update (<c>active: k</c>, as in Recurrent Independent Mechanisms): each sub-step ranks the
/// modules of every example by the activity of their read, 1 − the weight on the null slot, and only the top k
/// update; the others keep their recurrent state and their slice of the center.
/// </summary>
public sealed partial class Tape
{
    /// <summary>
    /// The mask [B, M] of the modules that update: 1 for the <paramref name="k"/> modules of each example whose read
    /// put the least weight on its null slot (the largest activity 1 − null weight; ties go to the lower module index),
    /// 0 for the others. A constant: the selection passes no gradient.
    /// </summary>
    /// <param name="nullWeights">Every module's null-slot weight [B] of this sub-step, in module order.</param>
    /// <param name="k">From 1 to the module count (all modules update at k = M).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside 1..M.</exception>
    /// <exception cref="ShapeMismatchException">The null weights are not all [B].</exception>
    public Tensor ActiveMask(ReadOnlySpan<Tensor> nullWeights, int k)
    {
        var modules = nullWeights.Length;
        if (k < 1 || k > modules)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"The number of active modules must be from 1 to the {modules} modules.");
        }

        var rows = nullWeights[0].Length;
        var activity = NewTensor(Shape.Of(rows, modules), requiresGrad: false);
        for (var j = 0; j < modules; j++)
        {
            var weights = nullWeights[j];
            if (weights.Shape != Shape.Of(rows))
            {
                throw new ShapeMismatchException("ActiveMask", nullWeights[0].Shape, weights.Shape, $"the null weight of module {j} must be [B] like module 0's");
            }

            var values = weights.Data;
            var column = activity.Data;
            for (var b = 0; b < rows; b++)
            {
                column[(b * modules) + j] = 1f - values[b];
            }
        }

        var mask = NewTensor(Shape.Of(rows, modules), requiresGrad: false);
        ActiveModuleKernels.TopK(activity.Data, rows, modules, k, mask.Data);
        return mask;
    }

    /// <summary>
    /// A module's value after a sub-step in which it may not have been active: row b is <paramref name="updated"/>'s
    /// where mask[b, <paramref name="module"/>] is 1 and <paramref name="previous"/>'s where it is 0 (its recurrent
    /// state, and so its slice of the next center, stays). Gradients flow to the row that was kept.
    /// </summary>
    /// <param name="updated">What the module computed this sub-step, [B, N].</param>
    /// <param name="previous">Its value before the sub-step, [B, N].</param>
    /// <param name="mask">From <see cref="ActiveMask"/>, [B, M].</param>
    /// <param name="module">The module's index, the mask column to use.</param>
    /// <exception cref="ShapeMismatchException">The shapes do not fit.</exception>
    public Tensor KeepInactive(Tensor updated, Tensor previous, Tensor mask, int module)
    {
        if (updated.Shape != previous.Shape || updated.Shape.Rank != 2 || mask.Shape.Rank != 2 || mask.Shape[0] != updated.Shape.Rows
            || module < 0 || module >= mask.Shape[1])
        {
            throw new ShapeMismatchException("KeepInactive", updated.Shape, previous.Shape, $"expected updated and previous [B, N] alike, a mask [B, M] = {mask.Shape} and a module in [0, M)");
        }

        var (rows, width, stride) = (updated.Shape.Rows, updated.Shape.Cols, mask.Shape[1]);
        var y = NewTensor(updated.Shape, NeedsGrad(updated, previous));
        ActiveModuleKernels.Blend(updated.Data, previous.Data, mask.Data[module..], stride, rows, width, y.Data);
        if (y.RequiresGrad)
        {
            var node = Record<KeepInactiveNode>();
            node.Updated = updated;
            node.Previous = previous;
            node.Mask = mask;
            node.ModuleIndex = module;
            node.Y = y;
        }

        return y;
    }

    private sealed class KeepInactiveNode : TapeNode
    {
        public Tensor Updated = null!;
        public Tensor Previous = null!;
        public Tensor Mask = null!;
        public int ModuleIndex;
        public Tensor Y = null!;

        public override void Backward()
        {
            var (rows, width, stride) = (Y.Shape.Rows, Y.Shape.Cols, Mask.Shape[1]);
            var mask = Mask.Data[ModuleIndex..];
            if (Updated.RequiresGrad)
            {
                ActiveModuleKernels.AddMaskedRows(Y.Grad, mask, stride, complement: false, rows, width, Updated.Grad);
            }

            if (Previous.RequiresGrad)
            {
                ActiveModuleKernels.AddMaskedRows(Y.Grad, mask, stride, complement: true, rows, width, Previous.Grad);
            }
        }
    }
}
