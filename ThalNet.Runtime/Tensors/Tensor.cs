namespace ThalNet.Runtime;

/// <summary>
/// A float32, row-major tensor. Views (reshape, leading-axis slices, detach) share the storage, and views that
/// track gradients also share the gradient storage, so a gradient written through a view lands in its base.
/// </summary>
public class Tensor
{
    private float[] _storage;
    private float[]? _gradStorage;
    private float[]? _ownedGrad;
    private int _offset;
    private int[] _oneHotIndices = [];

    /// <summary>A zero-filled tensor with its own storage.</summary>
    /// <param name="shape">Its shape.</param>
    /// <param name="requiresGrad">Whether backward passes accumulate a gradient into it (a zeroed gradient storage is
    /// allocated).</param>
    public Tensor(Shape shape, bool requiresGrad = false)
    {
        Shape = shape;
        _storage = new float[shape.Size];
        if (requiresGrad)
        {
            _gradStorage = new float[shape.Size];
        }
    }

    private Tensor(float[] storage, float[]? gradStorage, int offset, Shape shape)
    {
        _storage = storage;
        _gradStorage = gradStorage;
        _offset = offset;
        Shape = shape;
    }

    /// <summary>The tensor's dimensions.</summary>
    public Shape Shape { get; private set; }

    /// <summary>The number of elements.</summary>
    public int Length => Shape.Size;

    /// <summary>True when backward passes accumulate a gradient into <see cref="Grad"/>.</summary>
    public bool RequiresGrad => _gradStorage is not null;

    /// <summary>Whether a module owns this tensor and an optimizer updates it (a parameter, not an intermediate of a tape).</summary>
    internal virtual bool IsParameter => false;

    /// <summary>
    /// For a [rows, cols] tensor whose gradient is read only from column <see cref="LeadingColumnsWithoutGrad"/> on
    /// (a module's inputs, which need none, before its context): products leave those columns of the gradient alone.
    /// </summary>
    internal int LeadingColumnsWithoutGrad { get; set; }

    /// <summary>
    /// For a [rows, cols] tensor whose first <see cref="OneHotWidth"/> columns are zero but for a 1 in column
    /// <see cref="OneHotIndices"/>[row] of each row (a token input fed one-hot): products gather the weight's rows
    /// for those columns instead of multiplying by zeros. 0 when nothing is known.
    /// </summary>
    internal int OneHotWidth { get; private set; }

    /// <summary>The column of each row's 1 within the first <see cref="OneHotWidth"/> columns.</summary>
    internal ReadOnlySpan<int> OneHotIndices => _oneHotIndices.AsSpan(0, OneHotWidth == 0 ? 0 : Shape.Rows);

    /// <summary>Records that the first <paramref name="width"/> columns are one-hot at <paramref name="indices"/> (one per row).</summary>
    internal void MarkOneHot(int width, ReadOnlySpan<int> indices)
    {
        if (_oneHotIndices.Length < indices.Length)
        {
            _oneHotIndices = new int[indices.Length]; // grows with the first batches only
        }

        indices.CopyTo(_oneHotIndices);
        OneHotWidth = width;
    }

    /// <summary>The values, row-major; writes go to the storage that views share.</summary>
    public Span<float> Data => _storage.AsSpan(_offset, Shape.Size);

    /// <summary>The gradient, row-major, the same length as <see cref="Data"/>.</summary>
    /// <exception cref="InvalidOperationException">When the tensor does not track gradients.</exception>
    public Span<float> Grad => _gradStorage is null
        ? throw new InvalidOperationException($"This tensor of shape {Shape} does not track gradients.")
        : _gradStorage.AsSpan(_offset, Shape.Size);

    internal float[] Storage => _storage;

    internal int Offset => _offset;

    /// <summary>A zero-filled tensor with the given dimensions, outermost first, that tracks no gradient.</summary>
    /// <exception cref="ArgumentException">When there are more than four dimensions or one is negative.</exception>
    public static Tensor Zeros(params ReadOnlySpan<int> dims) => new(new Shape(dims));

    /// <summary>A tensor over <paramref name="data"/> (not copied: writes to either are seen by both), tracking no
    /// gradient.</summary>
    /// <param name="data">The values, row-major.</param>
    /// <param name="dims">The dimensions, outermost first.</param>
    /// <exception cref="ArgumentException">When the value count differs from the shape's element count.</exception>
    public static Tensor FromArray(float[] data, params ReadOnlySpan<int> dims)
    {
        var shape = new Shape(dims);
        if (data.Length != shape.Size)
        {
            throw new ArgumentException($"FromArray: {data.Length} values cannot fill shape {shape} ({shape.Size} elements).", nameof(data));
        }

        return new Tensor(data, null, 0, shape);
    }

    /// <summary>A tensor with a copy of <paramref name="data"/>.</summary>
    /// <param name="data">The values, row-major.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="requiresGrad">Whether backward passes accumulate a gradient into it.</param>
    /// <exception cref="ArgumentException">When the value count differs from the shape's element count.</exception>
    public static Tensor FromSpan(ReadOnlySpan<float> data, Shape shape, bool requiresGrad = false)
    {
        if (data.Length != shape.Size)
        {
            throw new ArgumentException($"FromSpan: {data.Length} values cannot fill shape {shape} ({shape.Size} elements).", nameof(data));
        }

        var t = new Tensor(shape, requiresGrad);
        data.CopyTo(t.Data);
        return t;
    }

    /// <summary>A scalar tensor (shape []) holding <paramref name="value"/>.</summary>
    public static Tensor Scalar(float value, bool requiresGrad = false)
    {
        var t = new Tensor(Shape.Scalar, requiresGrad);
        t.Data[0] = value;
        return t;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public float Item() => Length == 1
        ? Data[0]
        : throw new InvalidOperationException($"Item() needs a tensor with one element; this one has shape {Shape}.");

    /// <summary>A copy of the values, row-major.</summary>
    public float[] ToArray() => Data.ToArray();

    /// <summary>Zeroes the gradient; does nothing when the tensor tracks none.</summary>
    public void ZeroGrad()
    {
        if (_gradStorage is not null)
        {
            Grad.Clear();
        }
    }

    /// <summary>Starts tracking gradients (allocates the gradient storage once).</summary>
    public Tensor RequireGrad()
    {
        _gradStorage ??= new float[_storage.Length];
        return this;
    }

    /// <summary>A view of the same values with another shape of the same size.</summary>
    public Tensor Reshape(params ReadOnlySpan<int> dims) => Reshape(new Shape(dims));

    /// <summary>A view of the same values (and gradient) with another shape of the same size.</summary>
    /// <exception cref="ShapeMismatchException">When the element counts differ.</exception>
    public Tensor Reshape(Shape shape)
    {
        if (shape.Size != Shape.Size)
        {
            throw new ShapeMismatchException("Reshape", Shape, shape, "element counts differ");
        }

        return new Tensor(_storage, _gradStorage, _offset, shape);
    }

    /// <summary>A view of <paramref name="count"/> entries along the first axis, starting at <paramref name="start"/>.</summary>
    public Tensor Narrow(int start, int count)
    {
        if (Shape.Rank == 0 || start < 0 || count < 0 || start + count > Shape[0])
        {
            throw new ShapeMismatchException("Narrow", Shape, $"rows {start}..{start + count} are outside the first axis");
        }

        var rowSize = Shape[0] == 0 ? 0 : Shape.Size / Shape[0];
        return new Tensor(_storage, _gradStorage, _offset + (start * rowSize), Shape.WithDim(0, count));
    }

    /// <summary>The entry <paramref name="index"/> of the first axis, with that axis removed.</summary>
    public Tensor Select(int index) => Narrow(index, 1).Reshape(Shape.WithoutDim(0));

    /// <summary>A view of the same values that does not track gradients.</summary>
    public Tensor Detach() => new(_storage, null, _offset, Shape);

    /// <summary>Re-points an owned arena tensor at fresh contents; storage grows only when it must.</summary>
    internal void ResetForArena(Shape shape, bool requiresGrad)
    {
        var size = shape.Size;
        if (_storage.Length < size)
        {
            _storage = new float[size];
            _ownedGrad = null;
        }

        Shape = shape;
        LeadingColumnsWithoutGrad = 0;
        OneHotWidth = 0;
        if (requiresGrad)
        {
            _ownedGrad ??= new float[_storage.Length];
            _ownedGrad.AsSpan(0, size).Clear();
            _gradStorage = _ownedGrad;
        }
        else
        {
            _gradStorage = null;
        }
    }

    /// <summary>Re-points an arena view tensor at part of another tensor.</summary>
    internal void ResetAsView(Tensor source, int elementOffset, Shape shape, bool keepGrad)
    {
        _storage = source._storage;
        _gradStorage = keepGrad ? source._gradStorage : null;
        _offset = source._offset + elementOffset;
        Shape = shape;
        LeadingColumnsWithoutGrad = 0;
        OneHotWidth = 0;
    }

    /// <summary>Makes this tensor share the values of <paramref name="source"/> (used for data-parallel replicas).</summary>
    internal void ShareValuesWith(Tensor source)
    {
        if (source.Shape != Shape)
        {
            throw new ShapeMismatchException("ShareValuesWith", Shape, source.Shape, "replica parameters must have the same shape");
        }

        _storage = source._storage;
        _offset = source._offset;
    }

    /// <c>Tensor[28, 50, 32]</c>: the type and shape, never the values.
    public override string ToString() => $"Tensor{Shape}";
}
