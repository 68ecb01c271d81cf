namespace ThalNet.Runtime.Kernels;

/// <summary>
/// NumPy-style broadcasting of two shapes (aligned on the right), expressed as rank-4 strides where a broadcast
/// dimension has stride 0.
/// </summary>
internal readonly struct Broadcast
{
    public readonly int O0, O1, O2, O3;
    public readonly int A0, A1, A2, A3;
    public readonly int B0, B1, B2, B3;

    private Broadcast(Span<int> outDims, Span<int> aStrides, Span<int> bStrides)
    {
        O0 = outDims[0]; O1 = outDims[1]; O2 = outDims[2]; O3 = outDims[3];
        A0 = aStrides[0]; A1 = aStrides[1]; A2 = aStrides[2]; A3 = aStrides[3];
        B0 = bStrides[0]; B1 = bStrides[1]; B2 = bStrides[2]; B3 = bStrides[3];
    }

    public static Broadcast Create(string operation, Shape a, Shape b, out Shape result)
    {
        var rank = Math.Max(a.Rank, b.Rank);
        Span<int> outDims = stackalloc int[Shape.MaxRank];
        Span<int> aDims = stackalloc int[Shape.MaxRank];
        Span<int> bDims = stackalloc int[Shape.MaxRank];
        for (var i = 0; i < Shape.MaxRank; i++)
        {
            var ai = i - (Shape.MaxRank - a.Rank);
            var bi = i - (Shape.MaxRank - b.Rank);
            aDims[i] = ai >= 0 ? a[ai] : 1;
            bDims[i] = bi >= 0 ? b[bi] : 1;
            if (aDims[i] != bDims[i] && aDims[i] != 1 && bDims[i] != 1)
            {
                throw new ShapeMismatchException(operation, a, b, $"dimension {aDims[i]} cannot broadcast against {bDims[i]}");
            }

            outDims[i] = Math.Max(aDims[i], bDims[i]);
        }

        Span<int> aStrides = stackalloc int[Shape.MaxRank];
        Span<int> bStrides = stackalloc int[Shape.MaxRank];
        int sa = 1, sb = 1;
        for (var i = Shape.MaxRank - 1; i >= 0; i--)
        {
            aStrides[i] = aDims[i] == 1 ? 0 : sa;
            bStrides[i] = bDims[i] == 1 ? 0 : sb;
            sa *= aDims[i];
            sb *= bDims[i];
        }

        result = new Shape(outDims[(Shape.MaxRank - rank)..]);
        return new Broadcast(outDims, aStrides, bStrides);
    }

    /// <summary>Calls <paramref name="visit"/> with (output index, a index, b index) for every output element.</summary>
    public void ForEach<TVisitor>(ref TVisitor visit)
        where TVisitor : struct, IBroadcastVisitor, allows ref struct
    {
        var o = 0;
        for (var i0 = 0; i0 < O0; i0++)
        {
            for (var i1 = 0; i1 < O1; i1++)
            {
                for (var i2 = 0; i2 < O2; i2++)
                {
                    var ai = (i0 * A0) + (i1 * A1) + (i2 * A2);
                    var bi = (i0 * B0) + (i1 * B1) + (i2 * B2);
                    for (var i3 = 0; i3 < O3; i3++)
                    {
                        visit.Visit(o++, ai + (i3 * A3), bi + (i3 * B3));
                    }
                }
            }
        }
    }
}

internal interface IBroadcastVisitor
{
    void Visit(int output, int a, int b);
}
