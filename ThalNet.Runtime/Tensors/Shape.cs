using System.Globalization;

namespace ThalNet.Runtime;

/// <summary>
/// The dimensions of a tensor, rank 0 (a scalar) to 4, stored inline so that creating a shape never allocates.
/// </summary>
public readonly struct Shape : IEquatable<Shape>
{
    /// <summary>The highest rank a shape can have: 4.</summary>
    public const int MaxRank = 4;

    private readonly int _d0, _d1, _d2, _d3;

    /// <summary>The number of dimensions: 0 for a scalar, at most <see cref="MaxRank"/>.</summary>
    public int Rank { get; }

    /// <summary>A shape with the given dimensions, outermost first.</summary>
    /// <exception cref="ArgumentException">When there are more than <see cref="MaxRank"/> dimensions or one is
    /// negative.</exception>
    public Shape(ReadOnlySpan<int> dims)
    {
        if (dims.Length > MaxRank)
        {
            throw new ArgumentException($"A shape has at most {MaxRank} dimensions; got {dims.Length}.", nameof(dims));
        }

        foreach (var d in dims)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Dimensions must be non-negative; got {Format(dims)}.", nameof(dims));
            }
        }

        Rank = dims.Length;
        _d0 = dims.Length > 0 ? dims[0] : 0;
        _d1 = dims.Length > 1 ? dims[1] : 0;
        _d2 = dims.Length > 2 ? dims[2] : 0;
        _d3 = dims.Length > 3 ? dims[3] : 0;
    }

    /// <summary>The shape of a scalar: rank 0, one element.</summary>
    public static Shape Scalar => default;

    /// <summary>A shape with the given dimensions, outermost first (<c>Shape.Of(28, 50, 32)</c>).</summary>
    /// <exception cref="ArgumentException">When there are more than <see cref="MaxRank"/> dimensions or one is
    /// negative.</exception>
    public static Shape Of(params ReadOnlySpan<int> dims) => new(dims);

    /// <summary>The size of dimension <paramref name="axis"/> (0 is the outermost).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="axis"/> is not in [0, <see
    /// cref="Rank"/>).</exception>
    public int this[int axis] => (uint)axis < (uint)Rank
        ? axis switch { 0 => _d0, 1 => _d1, 2 => _d2, _ => _d3 }
        : throw new ArgumentOutOfRangeException(nameof(axis), $"Axis {axis} is out of range for shape {this}.");

    /// <summary>Number of elements (1 for a scalar).</summary>
    public int Size
    {
        get
        {
            var size = 1;
            for (var i = 0; i < Rank; i++)
            {
                size *= this[i];
            }

            return size;
        }
    }

    /// <summary>Rows of a matrix view: the product of all dimensions but the last.</summary>
    public int Rows => Rank == 0 ? 1 : Size / Math.Max(this[Rank - 1], 1);

    /// <summary>Columns of a matrix view: the last dimension (1 for a scalar).</summary>
    public int Cols => Rank == 0 ? 1 : this[Rank - 1];

    /// <summary>The axis as a non-negative index: negative axes count from the last (-1 is the last), as in
    /// PyTorch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is outside [-Rank, Rank).</exception>
    public int NormalizeAxis(int axis)
    {
        var a = axis < 0 ? axis + Rank : axis;
        if ((uint)a >= (uint)Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), $"Axis {axis} is out of range for shape {this}.");
        }

        return a;
    }

    /// <summary>Splits the shape around <paramref name="axis"/> into (outer, axis length, inner) extents.</summary>
    public (int Outer, int Length, int Inner) Around(int axis)
    {
        var a = NormalizeAxis(axis);
        var outer = 1;
        for (var i = 0; i < a; i++)
        {
            outer *= this[i];
        }

        var inner = 1;
        for (var i = a + 1; i < Rank; i++)
        {
            inner *= this[i];
        }

        return (outer, this[a], inner);
    }

    /// <summary>The same shape with dimension <paramref name="axis"/> (negative counts from the last) set to <paramref
    /// name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range.</exception>
    /// <exception cref="ArgumentException">When <paramref name="value"/> is negative.</exception>
    public Shape WithDim(int axis, int value)
    {
        Span<int> dims = stackalloc int[MaxRank];
        CopyTo(dims);
        dims[NormalizeAxis(axis)] = value;
        return new Shape(dims[..Rank]);
    }

    /// <summary>The same shape without dimension <paramref name="axis"/> (negative counts from the last): rank one
    /// less.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range.</exception>
    public Shape WithoutDim(int axis)
    {
        var a = NormalizeAxis(axis);
        Span<int> dims = stackalloc int[MaxRank];
        var n = 0;
        for (var i = 0; i < Rank; i++)
        {
            if (i != a)
            {
                dims[n++] = this[i];
            }
        }

        return new Shape(dims[..n]);
    }

    /// <summary>
    /// Copies the dimensions, outermost first, into the first <see cref="Rank"/> elements of <paramref
    /// name="destination"/>.
    /// </summary>
    public void CopyTo(Span<int> destination)
    {
        for (var i = 0; i < Rank; i++)
        {
            destination[i] = this[i];
        }
    }

    /// <summary>The dimensions as a new array, outermost first.</summary>
    public int[] ToArray()
    {
        var dims = new int[Rank];
        CopyTo(dims);
        return dims;
    }

    /// <summary>Whether both have the same rank and dimensions.</summary>
    public bool Equals(Shape other) =>
        Rank == other.Rank && _d0 == other._d0 && _d1 == other._d1 && _d2 == other._d2 && _d3 == other._d3;

    /// <summary>Whether <paramref name="obj"/> is a <see cref="Shape"/> with the same rank and dimensions.</summary>
    public override bool Equals(object? obj) => obj is Shape other && Equals(other);

    /// <summary>A hash of the rank and dimensions.</summary>
    public override int GetHashCode() => HashCode.Combine(Rank, _d0, _d1, _d2, _d3);

    /// <summary>Whether both have the same rank and dimensions.</summary>
    public static bool operator ==(Shape left, Shape right) => left.Equals(right);

    /// <summary>Whether the ranks or dimensions differ.</summary>
    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    /// <summary>The dimensions as <c>[28, 50, 32]</c> (<c>[]</c> for a scalar).</summary>
    public override string ToString()
    {
        Span<int> dims = stackalloc int[MaxRank];
        CopyTo(dims);
        return Format(dims[..Rank]);
    }

    private static string Format(ReadOnlySpan<int> dims)
    {
        var parts = new string[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            parts[i] = dims[i].ToString(CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}
