namespace ThalNet.TorchSharp.Models;

/// <summary>
/// The recurrent state of a TorchSharp ThalNet between steps: the center, each module's previous features and
/// every inner recurrent layer's hidden state, in the order the generated code fixes (see <see cref="Names"/>).
/// </summary>
public class TorchModelState
{
    /// <summary>A state of named tensors.</summary>
    /// <param name="names">The tensors' names, as the generated model orders them (<c>center</c>, then per module its
    /// features and layer states).</param>
    /// <param name="values">The tensors, each [B, ...], in the order of <paramref name="names"/>.</param>
    /// <exception cref="ArgumentNullException">When either is null.</exception>
    /// <exception cref="ArgumentException">When the counts differ.</exception>
    public TorchModelState(IReadOnlyList<string> names, Tensor[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count != values.Length)
        {
            throw new ArgumentException($"TorchModelState: {names.Count} names for {values.Length} tensors.", nameof(values));
        }

        Names = names;
        Values = values;
    }

    /// <summary>The name of each tensor in <see cref="Values"/>, in the same order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The current tensors, replaced by every step.</summary>
    public Tensor[] Values { get; }

    /// <summary>The batch size B: the leading dimension of the first tensor.</summary>
    public long Batch => Values[0].shape[0];

    /// <summary>
    /// Replaces the values by detached copies that outlive the current dispose scope: truncated backpropagation
    /// through time carries the state, not the graph, into the next segment.
    /// </summary>
    public void Detach()
    {
        for (var i = 0; i < Values.Length; i++)
        {
            Values[i] = Values[i].detach().clone().DetachFromDisposeScope();
        }
    }
}
