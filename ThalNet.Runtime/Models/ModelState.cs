namespace ThalNet.Runtime.Models;

/// <summary>
/// The recurrent state of a ThalNet between steps: the center, each module's previous features and every GRU
/// layer's hidden state, in an order the generated code fixes (see <see cref="Names"/>).
/// </summary>
public class ModelState
{
    /// <summary>A state of named tensors.</summary>
    /// <param name="names">The tensors' names, in the model's fixed order.</param>
    /// <param name="values">The tensors, each [B, ...], in the order of <paramref name="names"/>.</param>
    /// <exception cref="ArgumentException">When the counts differ.</exception>
    public ModelState(IReadOnlyList<string> names, Tensor[] values)
    {
        if (names.Count != values.Length)
        {
            throw new ArgumentException($"ModelState: {names.Count} names for {values.Length} tensors.", nameof(values));
        }

        Names = names;
        Values = values;
    }

    /// <summary>
    /// The name of each tensor in <see cref="Values"/>, in the same order (<c>center</c>, <c>vision.features</c>,
    /// <c>vision.gru.h</c>, ...).
    /// </summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The current tensors; tape-owned while a graph is being recorded.</summary>
    public Tensor[] Values { get; }

    /// <summary>The batch size B: the leading dimension of the first tensor.</summary>
    public int Batch => Values[0].Shape[0];

    /// <summary>
    /// Copies the values into tensors this state owns, without gradients, so they survive a tape reset: truncated
    /// backpropagation through time carries the state, not the graph, into the next segment.
    /// </summary>
    public void Persist()
    {
        _persisted ??= new Tensor[Values.Length];
        for (var i = 0; i < Values.Length; i++)
        {
            var v = Values[i];
            if (_persisted[i] is not { } p || p.Shape != v.Shape)
            {
                p = new Tensor(v.Shape);
                _persisted[i] = p;
            }

            if (!ReferenceEquals(p, v))
            {
                v.Data.CopyTo(p.Data);
            }

            Values[i] = p;
        }
    }

    private Tensor[]? _persisted;
}
