namespace ThalNet.Runtime.Analysis;

/// <summary>A row-major float matrix, wrapping (not copying) its values.</summary>
public sealed class DenseMatrix
{
    private readonly float[] _values;

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

    public int Rows { get; }

    public int Cols { get; }

    public ReadOnlySpan<float> Values => _values;

    public float this[int row, int col] => _values[(row * Cols) + col];

    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(row * Cols, Cols);
}
