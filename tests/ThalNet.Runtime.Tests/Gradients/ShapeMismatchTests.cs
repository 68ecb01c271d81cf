namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Operations reject shapes that do not fit with a message that names the operation and both shapes.</summary>
public class ShapeMismatchTests
{
    [Theory]
    [InlineData("MatMul", "[2, 3]", "[4, 5]")]
    [InlineData("Linear", "[2, 3]", "[4, 5]")]
    [InlineData("Linear bias", "[4, 3]", "[5]")]
    [InlineData("Add", "[2, 3]", "[4]")]
    [InlineData("Mul", "[2, 3]", "[3, 2]")]
    [InlineData("Concat", "[2, 3]", "[3, 4]")]
    [InlineData("Concat rank", "[2, 3]", "[2, 3, 1]")]
    [InlineData("GruCell", "[2, 3]", "[3, 4]")]
    [InlineData("GruCell weights", "[12, 5]", "[12, 4]")]
    [InlineData("CrossEntropy", "[3, 5]", "[4]")]
    public void Message_names_the_operation_and_both_shapes(string caseName, string left, string right)
    {
        var operation = caseName.Split(' ')[0];
        var tape = new Tape();
        var error = Assert.Throws<ShapeMismatchException>(() => Provoke(tape, caseName));
        Assert.Equal(operation, error.Operation);
        Assert.StartsWith(operation + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(left, error.Message, StringComparison.Ordinal);
        Assert.Contains(right, error.Message, StringComparison.Ordinal);
        Assert.Equal(left, error.Left.ToString());
        Assert.Equal(right, error.Right.ToString());
        Assert.Equal(0, tape.NodeCount);
    }

    [Fact]
    public void GruCell_weight_message_states_the_expected_shapes()
    {
        var error = Assert.Throws<ShapeMismatchException>(() => Provoke(new Tape(), "GruCell weights"));
        Assert.Contains("weight_ih [12, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("x [2, 3]", error.Message, StringComparison.Ordinal);
    }

    private static Tensor Provoke(Tape tape, string caseName)
    {
        static Tensor T(params int[] dims) => new(Shape.Of(dims), requiresGrad: true);
        return caseName switch
        {
            "MatMul" => tape.MatMul(T(2, 3), T(4, 5)),
            "Linear" => tape.Linear(T(2, 3), T(4, 5)),
            "Linear bias" => tape.Linear(T(2, 3), T(4, 3), T(5)),
            "Add" => tape.Add(T(2, 3), T(4)),
            "Mul" => tape.Mul(T(2, 3), T(3, 2)),
            "Concat" => tape.Concat(0, T(2, 3), T(3, 4), T(1, 3)),
            "Concat rank" => tape.Concat(1, T(2, 3), T(2, 3, 1)),
            "GruCell" => tape.GruCell(T(2, 3), T(3, 4), T(12, 3), T(12, 4), T(12), T(12)),
            "GruCell weights" => tape.GruCell(T(2, 3), T(2, 4), T(12, 5), T(12, 4), T(12), T(12)),
            "CrossEntropy" => tape.CrossEntropy(T(3, 5), [0, 1, 2, 3]),
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, null),
        };
    }
}
