namespace ThalNet.Runtime.IO;

/// <summary>The contents of a safetensors file: its tensors in file order and its string metadata.</summary>
public sealed class SafeTensorsFile
{
    private readonly Dictionary<string, TensorEntry> _byName;

    /// <summary>The contents of a file.</summary>
    /// <param name="tensors">The tensors in file order; names must be unique.</param>
    /// <param name="metadata">The string metadata.</param>
    /// <exception cref="ArgumentException">When two tensors have the same name or one is named
    /// <c>__metadata__</c>.</exception>
    public SafeTensorsFile(IReadOnlyList<TensorEntry> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Tensors = tensors;
        Metadata = metadata;
        _byName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The tensors in the order of their data in the file.</summary>
    public IReadOnlyList<TensorEntry> Tensors { get; }

    /// <summary>The <c>__metadata__</c> map (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensor named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">When the file has no such tensor.</exception>
    public TensorEntry this[string name] =>
        _byName.TryGetValue(name, out var tensor)
            ? tensor
            : throw new KeyNotFoundException($"The checkpoint has no tensor named '{name}'.");

    /// <summary>Finds the tensor named <paramref name="name"/>; returns whether there is one.</summary>
    public bool TryGetTensor(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TensorEntry tensor) =>
        _byName.TryGetValue(name, out tensor);
}
