using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ThalNet.Runtime.Kernels;

/// <summary>Functions written once over <see cref="IFloatLanes{TVector}"/>, for every vector width.</summary>
internal static unsafe class LaneMath
{
    /// <summary>The widest vectors the processor runs: 16 lanes where it has AVX-512 (as <see cref="Gemm"/> uses them),
    /// else 8 where 256-bit vectors are accelerated, else 1.</summary>
    public static int WidestLanes => Avx512F.IsSupported ? 16 : Vector256.IsHardwareAccelerated ? 8 : 1;

    /// <summary>
    /// 2^x for x in [-126, 0] (Cephes' exp2f: n = round(x), 2^(x - n) = 1 + r P(r) of degree 6 on [-½, ½], times 2^n),
    /// within 2 ulp. Below -126 the result is meaningless: callers mask those lanes (<see cref="Exp2Above"/>). No clamps
    /// and no reduction by ln 2, so it costs about two thirds of <see cref="VectorActivations.Exp(System.Runtime.Intrinsics.Vector256{float})"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Exp2NonPositive<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        var n = TLanes.Round(x);
        var r = TLanes.Subtract(x, n);
        var p = TLanes.MultiplyAdd(TLanes.Create(1.535336188319500e-4f), r, TLanes.Create(1.339887440266574e-3f));
        p = TLanes.MultiplyAdd(p, r, TLanes.Create(9.618437357674640e-3f));
        p = TLanes.MultiplyAdd(p, r, TLanes.Create(5.550332471162809e-2f));
        p = TLanes.MultiplyAdd(p, r, TLanes.Create(2.402264791363012e-1f));
        p = TLanes.MultiplyAdd(p, r, TLanes.Create(6.931472028550421e-1f));
        p = TLanes.MultiplyAdd(p, r, TLanes.Create(1f));
        return TLanes.TimesPowerOfTwo(p, n);
    }

    /// <summary>
    /// 2^x where x &gt;= <paramref name="cutoff"/> (at least -126), else zero. Masked lanes are computed from the cutoff,
    /// which keeps them out of the subnormal range, where the processor would take a slow path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Exp2Above<TLanes, TVector>(TVector x, TVector cutoff)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        TLanes.ZeroBelow(Exp2NonPositive<TLanes, TVector>(TLanes.Max(x, cutoff)), x, cutoff);

    /// <summary>Stores the first <paramref name="count"/> lanes of <paramref name="value"/> at <paramref name="p"/>.</summary>
    public static void StoreFirst<TLanes, TVector>(float* p, TVector value, int count)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        if (count == TLanes.Count)
        {
            TLanes.Store(p, value);
            return;
        }

        var lanes = stackalloc float[TLanes.Count];
        TLanes.Store(lanes, value);
        new ReadOnlySpan<float>(lanes, count).CopyTo(new Span<float>(p, count));
    }
}
