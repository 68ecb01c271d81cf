using System.Runtime.CompilerServices;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// One context element's window (<see cref="GaussianWindows"/>) and its weights e^(logit - max), zero below
/// the cutoff of <see cref="NegligibleWeights"/>: the first <see cref="Whole"/> positions a vector at a time, the rest
/// one at a time. The forward and backward passes take each position's weight from the same instructions, so they see
/// the same values.
/// </summary>
internal readonly struct GaussianWindow
{
    private readonly float _mean;
    private readonly float _scale;
    private readonly float _shift;
    private readonly float _cutoff;

    /// <param name="windows">The batch's windows (<see cref="GaussianWindows"/>), <paramref name="n"/> of them.</param>
    /// <param name="n">How many windows the layout holds.</param>
    /// <param name="i">Which window.</param>
    /// <param name="mu">Its mean position.</param>
    /// <param name="cutoff">The exponent below which a weight is zero.</param>
    public GaussianWindow(ReadOnlySpan<float> windows, int n, int i, float mu, float cutoff)
    {
        (_mean, _cutoff) = (mu, cutoff);
        Start = GaussianWindows.Start(windows, n, i);
        Count = GaussianWindows.Count(windows, n, i);
        Whole = GaussianWindows.Whole(windows, n, i);
        _scale = GaussianWindows.Scale(windows, n, i);
        _shift = GaussianWindows.Shift(windows, n, i);
    }

    /// <summary>The first center position of the window.</summary>
    public int Start { get; }

    /// <summary>How many positions the window covers.</summary>
    public int Count { get; }

    /// <summary>The positions (from <see cref="Start"/>) that go a vector at a time.</summary>
    public int Whole { get; }

    /// <summary>The center positions Start, Start + 1, ... as floats (exact: positions are far below 2^24).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TVector FirstPositions<TLanes, TVector>()
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        TLanes.Add(TLanes.Create(Start), TLanes.Indices);

    /// <summary>Position minus mean, a vector of positions at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TVector Offsets<TLanes, TVector>(TVector positions)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        TLanes.Subtract(positions, TLanes.Create(_mean));

    /// <summary>The weights of a vector of positions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TVector Weights<TLanes, TVector>(TVector positions)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        // -0.5 t^2 as -(t / √2)^2: one negated multiply-add
        var u = TLanes.Multiply(Offsets<TLanes, TVector>(positions), TLanes.Create(_scale));
        var exponent = TLanes.NegatedMultiplyAdd(u, u, TLanes.Create(_shift));
        return TLanes.ExpAbove(exponent, TLanes.Create(_cutoff));
    }

    /// <summary>Position minus mean for the window's position <paramref name="j"/>.</summary>
    public float Offset(int j) => Start + j - _mean;

    /// <summary>The weight of the window's position <paramref name="j"/>.</summary>
    public float Weight(int j)
    {
        var u = Offset(j) * _scale;
        var exponent = _shift - (u * u);
        return exponent >= _cutoff ? MathF.Exp(exponent) : 0f;
    }
}
