namespace ThalNet.TorchSharp.Models;

/// <summary>
/// The recurrent state of a TorchSharp ThalNet between steps: the center, each module's previous features and
/// every inner recurrent layer's hidden state, in the order the generated code fixes (see <see cref="Names"/>).
/// </summary>
public class TorchModelState
{
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

    public IReadOnlyList<string> Names { get; }

    /// <summary>The current tensors, replaced by every step.</summary>
    public Tensor[] Values { get; }

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
