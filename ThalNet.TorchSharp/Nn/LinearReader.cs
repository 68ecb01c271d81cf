namespace ThalNet.TorchSharp.Nn;

/// <summary>Linear reading: context = center @ w^T, w [K, C].</summary>
public sealed class LinearReader : StaticReader
{
    // Fields, not auto-properties: TorchSharp registers them under these names, and to(device) replaces them.
    [ComponentName(Name = "w")]
    private Parameter _w;

    public LinearReader(int centerSize, int contextSize)
        : base(nameof(LinearReader), centerSize, contextSize)
    {
        _w = Init.FanIn([contextSize, centerSize], centerSize);
        RegisterComponents();
    }

    public Parameter W => _w;

    public override Tensor Matrix() => W.alias();
}
