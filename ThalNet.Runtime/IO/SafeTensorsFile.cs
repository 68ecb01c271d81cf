namespace ThalNet.Runtime.IO;

/// <summary>The contents of a safetensors file: its tensors in file order and its string metadata.</summary>
public sealed class SafeTensorsFile
{
    private readonly Dictionary<string, TensorEntry> _byName;

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

    public TensorEntry this[string name] =>
        _byName.TryGetValue(name, out var tensor)
            ? tensor
            : throw new KeyNotFoundException($"The checkpoint has no tensor named '{name}'.");

    public bool TryGetTensor(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TensorEntry tensor) =>
        _byName.TryGetValue(name, out tensor);
}
