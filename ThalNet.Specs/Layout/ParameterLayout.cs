using System.Linq;

namespace ThalNet.Specs;

/// <summary>A parameter's dotted name (PyTorch style, <c>vision.gru.weight_ih</c>) and shape; a scalar has shape <c>[]</c>.</summary>
public sealed record ParameterLayout(string Name, EquatableArray<int> Shape)
{
    /// <summary>The number of scalars: the product of the shape's dimensions (1 for a scalar).</summary>
    public long ElementCount => Shape.Aggregate(1L, (count, dimension) => count * dimension);

    /// <summary>The name and shape, as in <c>vision.gru.weight_ih [96, 64]</c>.</summary>
    public override string ToString() => $"{Name} {Shape}";
}
