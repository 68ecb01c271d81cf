namespace ThalNet.Runtime;

/// <summary>Thrown when an operation receives tensors whose shapes do not fit together.</summary>
public sealed class ShapeMismatchException : ArgumentException
{
    public ShapeMismatchException(string operation, Shape left, Shape right, string detail)
        : base($"{operation}: shapes {left} and {right} do not fit: {detail}.")
    {
        Operation = operation;
        Left = left;
        Right = right;
    }

    public ShapeMismatchException(string operation, Shape shape, string detail)
        : base($"{operation}: shape {shape} is not valid here: {detail}.")
    {
        Operation = operation;
        Left = shape;
        Right = shape;
    }

    public string Operation { get; }

    public Shape Left { get; }

    public Shape Right { get; }
}
