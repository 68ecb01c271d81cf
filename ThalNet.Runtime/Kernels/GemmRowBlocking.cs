namespace ThalNet.Runtime.Kernels;

/// <summary>How <see cref="Gemm"/> splits a product's rows into register blocks.</summary>
internal enum GemmRowBlocking
{
    /// <summary>Blocks of near-equal size, at most eight rows (six on AVX2).</summary>
    Balanced,

    /// <summary>Blocks of four, then the one to three rows left one at a time: the simple blocking that benchmarks compare the balanced one against.</summary>
    FourRowsThenSingles,
}
