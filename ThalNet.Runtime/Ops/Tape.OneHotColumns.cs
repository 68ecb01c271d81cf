namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>
    /// False makes products multiply one-hot columns like any others (the form before gathering); benchmarks and
    /// tests compare both in one run.
    /// </summary>
    internal bool GatherOneHotRows { get; set; } = true;

    /// <summary>How many leading columns of <paramref name="x"/> the products of this tape treat as one-hot.</summary>
    private int OneHotColumns(Tensor x) => GatherOneHotRows ? x.OneHotWidth : 0;

    /// <summary>The one-hot column of each row of <paramref name="x"/> where this tape gathers them; empty otherwise.</summary>
    private ReadOnlySpan<int> GatheredIndices(Tensor x) => GatherOneHotRows ? x.OneHotIndices : default;

    /// <summary>Carries what is known of <paramref name="source"/>'s one-hot columns to <paramref name="y"/>, whose columns start with a copy of source's.</summary>
    private static void KeepOneHotColumns(Tensor source, Tensor y)
    {
        if (source.OneHotWidth > 0)
        {
            y.MarkOneHot(source.OneHotWidth, source.OneHotIndices);
        }
    }
}
