namespace ThalNet.TorchSharp.Nn;

/// <summary>Linear reading: context = center @ w^T, w [K, C].</summary>
public sealed class LinearReader : StaticReader
{
    // Fields, not auto-properties: TorchSharp registers them under these names, and to(device) replaces them.
    [ComponentName(Name = "w")]
    private Parameter _w;

    /// <summary>A linear reader with w [K, C] initialised U(±1/√C).</summary>
    /// <param name="centerSize">C, the center's width.</param>
    /// <param name="contextSize">K, the context it produces.</param>
    /// <exception cref="ArgumentOutOfRangeException">When C or K is below 1.</exception>
    public LinearReader(int centerSize, int contextSize)
        : base(nameof(LinearReader), centerSize, contextSize)
    {
        _w = Init.FanIn([contextSize, centerSize], centerSize);
        RegisterComponents();
    }

    /// <c>w</c> [K, C], the reading matrix itself.
    public Parameter W => _w;

    /// <summary>The reading matrix [K, C]: <see cref="W"/> (an alias sharing its storage and gradient).</summary>
    public override Tensor Matrix() => W.alias();
}
