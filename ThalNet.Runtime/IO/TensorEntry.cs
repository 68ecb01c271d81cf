namespace ThalNet.Runtime.IO;

/// <summary>
/// One named tensor of a checkpoint: a dotted parameter path such as
/// <c>vision.gru.weight_ih</c>, a row-major shape (empty for a scalar) and its float32 values.
/// </summary>
public sealed class TensorEntry
{
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

    public string Name { get; }

    public int[] Shape { get; }

    public ReadOnlyMemory<float> Data { get; }
}
