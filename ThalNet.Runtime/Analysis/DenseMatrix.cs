namespace ThalNet.Runtime.Analysis;

/// <summary>A row-major float matrix, wrapping (not copying) its values.</summary>
public sealed class DenseMatrix
{
    private readonly float[] _values;

    /// <summary>A matrix over <paramref name="values"/> (not copied).</summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="cols">The number of columns.</param>
    /// <param name="values">rows x cols values, row by row.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is negative.</exception>
    /// <exception cref="ArgumentException">When the value count is not rows x cols.</exception>
    public DenseMatrix(int rows, int cols, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        ArgumentNullException.ThrowIfNull(values);
        if ((long)rows * cols != values.Length)
        {
            throw new ArgumentException($"A {rows}x{cols} matrix needs {(long)rows * cols} values, not {values.Length}.", nameof(values));
        }

        Rows = rows;
        Cols = cols;
        _values = values;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Cols { get; }

    /// <summary>All values, row by row.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>
    /// The value at (<paramref name="row"/>, <paramref name="col"/>); indices are not checked beyond the array's
    /// bounds.
    /// </summary>
    public float this[int row, int col] => _values[(row * Cols) + col];

    /// <summary>The values of one row.</summary>
    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(row * Cols, Cols);
}
