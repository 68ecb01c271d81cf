namespace ThalNet.Runtime;

/// <summary>Thrown when an operation receives tensors whose shapes do not fit together.</summary>
public sealed class ShapeMismatchException : ArgumentException
{
    /// <summary>Two shapes that do not fit together.</summary>
    /// <param name="operation">The operation that refused them (<c>MatMul</c>).</param>
    /// <param name="left">The first operand's shape.</param>
    /// <param name="right">The second operand's shape.</param>
    /// <param name="detail">Why they do not fit.</param>
    public ShapeMismatchException(string operation, Shape left, Shape right, string detail)
        : base($"{operation}: shapes {left} and {right} do not fit: {detail}.")
    {
        Operation = operation;
        Left = left;
        Right = right;
    }

    /// <summary>One shape that is not valid for an operation.</summary>
    /// <param name="operation">The operation that refused it.</param>
    /// <param name="shape">The shape.</param>
    /// <param name="detail">Why it is not valid.</param>
    public ShapeMismatchException(string operation, Shape shape, string detail)
        : base($"{operation}: shape {shape} is not valid here: {detail}.")
    {
        Operation = operation;
        Left = shape;
        Right = shape;
    }

    /// <summary>The operation that refused the shapes.</summary>
    public string Operation { get; }

    /// <summary>The first operand's shape (the only one, for a single invalid shape).</summary>
    public Shape Left { get; }

    /// <summary>The second operand's shape (the same as <see cref="Left"/> for a single invalid shape).</summary>
    public Shape Right { get; }
}
