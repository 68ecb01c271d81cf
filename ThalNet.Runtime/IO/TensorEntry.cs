namespace ThalNet.Runtime.IO;

/// <summary>
/// One named tensor of a checkpoint: a dotted parameter path such as
/// <c>vision.gru.weight_ih</c>, a row-major shape (empty for a scalar) and its float32 values.
/// </summary>
public sealed class TensorEntry
{
    /// <summary>A named tensor over <paramref name="data"/> (not copied).</summary>
    /// <param name="name">The dotted parameter path.</param>
    /// <param name="shape">The dimensions, outermost first; empty for a scalar.</param>
    /// <param name="data">The values, row-major.</param>
    /// <exception cref="ArgumentException">When the name is empty, a dimension is negative or the value count does not
    /// match the shape.</exception>
    public TensorEntry(string name, int[] shape, ReadOnlyMemory<float> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"Tensor '{name}' has a negative dimension in shape [{string.Join(", ", shape)}].", nameof(shape));
            }

            count *= dim;
        }

        if (count != data.Length)
        {
            throw new ArgumentException(
                $"Tensor '{name}' has shape [{string.Join(", ", shape)}] ({count} elements) but {data.Length} values.", nameof(data));
        }

        Name = name;
        Shape = shape;
        Data = data;
    }

    /// <summary>The dotted parameter path (<c>vision.gru.weight_ih</c>).</summary>
    public string Name { get; }

    /// <summary>The dimensions, outermost first; empty for a scalar.</summary>
    public int[] Shape { get; }

    /// <summary>The values, row-major.</summary>
    public ReadOnlyMemory<float> Data { get; }
}
