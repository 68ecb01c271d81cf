using System.Linq;

namespace ThalNet.Specs;

/// <summary>A parameter's dotted name (PyTorch style, <c>vision.gru.weight_ih</c>) and shape; a scalar has shape <c>[]</c>.</summary>
public sealed record ParameterLayout(string Name, EquatableArray<int> Shape)
{
    public long ElementCount => Shape.Aggregate(1L, (count, dimension) => count * dimension);

    public override string ToString() => $"{Name} {Shape}";
}
