namespace ThalNet.TorchSharp.Nn;

/// <summary>
/// Modules that compete to update (<c>active: k</c>, as in Recurrent Independent Mechanisms), the engine's
/// <c>Tape.ActiveMask</c> and <c>Tape.KeepInactive</c>: each sub-step ranks the modules of every example by the activity
/// of their read, 1 − the weight on the null slot, and only the top k update; the others keep their recurrent state
/// and their slice of the center.
/// </summary>
public static class ActiveModules
{
    /// <summary>
    /// The mask [B, M] of the modules that update: 1 for the <paramref name="k"/> modules of each example with the
    /// largest activity 1 − null weight (ties go to the lower module index), 0 for the others. Computed from the
    /// detached weights: the selection passes no gradient.
    /// </summary>
    /// <param name="nullWeights">Every module's null-slot weight [B] of this sub-step, in module order.</param>
    /// <param name="k">From 1 to the module count (all modules update at k = M).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside 1..M.</exception>
    public static Tensor Mask(IReadOnlyList<Tensor> nullWeights, int k)
    {
        var modules = nullWeights.Count;
        if (k < 1 || k > modules)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"The number of active modules must be from 1 to the {modules} modules.");
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var activity = 1 - torch.stack(nullWeights.Select(w => w.detach()).ToArray(), 1);
        // before[b, j, i]: module i ranks before module j (a larger activity, or an equal one at a lower index).
        var rows = activity.unsqueeze(2);
        var columns = activity.unsqueeze(1);
        var lowerIndex = torch.ones(modules, modules, dtype: ScalarType.Bool, device: activity.device).tril(-1);
        var before = columns.gt(rows).logical_or(columns.eq(rows).logical_and(lowerIndex));
        var rank = before.sum(2);
        return rank.lt(k).to(activity.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// A module's value after a sub-step in which it may not have been active: <paramref name="updated"/>'s rows where
    /// mask[:, <paramref name="module"/>] is 1, <paramref name="previous"/>'s where it is 0; gradients flow to the kept rows.
    /// </summary>
    /// <param name="updated">What the module computed this sub-step, [B, N].</param>
    /// <param name="previous">Its value before the sub-step, [B, N].</param>
    /// <param name="mask">From <see cref="Mask"/>, [B, M].</param>
    /// <param name="module">The module's index, the mask column to use.</param>
    public static Tensor KeepInactive(Tensor updated, Tensor previous, Tensor mask, int module)
    {
        using var scope = torch.NewDisposeScope();
        var m = mask.narrow(1, module, 1);
        return ((m * updated) + ((1 - m) * previous)).MoveToOuterDisposeScope();
    }
}
