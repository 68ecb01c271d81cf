namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Concat of three parts along several axes, and Slice.</summary>
public class ConcatSliceGradientTests
{
    public static TheoryData<int, int[], int[], int[]> ConcatCases() => new()
    {
        { 0, [2, 4], [1, 4], [3, 4] },
        { 1, [3, 2], [3, 1], [3, 4] },
        { -1, [3, 2], [3, 5], [3, 1] },
        { 0, [1, 2, 3], [2, 2, 3], [1, 2, 3] },
        { 1, [2, 1, 3], [2, 3, 3], [2, 2, 3] },
        { 2, [2, 3, 1], [2, 3, 2], [2, 3, 4] },
    };

    [Theory]
    [MemberData(nameof(ConcatCases))]
    public void Concat_of_three_parts(int axis, int[] first, int[] second, int[] third)
    {
        var random = new RandomSource((ulong)(axis + 5 + first.Length));
        var a = RandomTensors.Uniform(random, Shape.Of(first));
        var b = RandomTensors.Uniform(random, Shape.Of(second));
        var c = RandomTensors.Uniform(random, Shape.Of(third));
        GradientChecker.Check(t => t.Concat(axis, a, b, c), [("a", a), ("b", b), ("c", c)]);
    }

    [Fact]
    public void Concat_skips_a_part_without_gradient()
    {
        var random = new RandomSource(17);
        var a = RandomTensors.Uniform(random, Shape.Of(2, 3));
        var constant = RandomTensors.Uniform(random, Shape.Of(2, 2)).Detach();
        var c = RandomTensors.Uniform(random, Shape.Of(2, 1));
        GradientChecker.Check(t => t.Concat(1, a, constant, c), [("a", a), ("c", c)]);
    }

    [Theory]
    [InlineData(0, 1, 2)]
    [InlineData(1, 1, 2)]
    [InlineData(2, 2, 3)]
    [InlineData(-1, 0, 1)]
    [InlineData(1, 0, 4)]
    public void Slice(int axis, int start, int length)
    {
        var x = RandomTensors.Uniform(new RandomSource((ulong)(axis + 40 + start)), Shape.Of(3, 4, 5));
        GradientChecker.Check(t => t.Slice(x, axis, start, length), [("x", x)]);
    }
}
