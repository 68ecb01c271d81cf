namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Add and Mul with NumPy broadcasting (either side), and Scale.</summary>
public class ArithmeticGradientTests
{
    public static TheoryData<bool, int[], int[]> BroadcastCases()
    {
        int[][] pairs =
        [
            [3, 4], [3, 4],       // same shape
            [3, 4], [4],          // row vector
            [4], [3, 4],          // row vector on the left
            [3, 4], [],           // scalar
            [], [3, 4],           // scalar on the left
            [3, 4], [3, 1],       // column [B, 1]
            [3, 1], [1, 4],       // outer broadcast of both sides
            [2, 3, 5], [5],       // rank 3 against a row
            [2, 3, 5], [2, 1, 5], // rank 3 against a middle singleton
        ];
        var cases = new TheoryData<bool, int[], int[]>();
        foreach (var multiply in new[] { false, true })
        {
            for (var i = 0; i < pairs.Length; i += 2)
            {
                cases.Add(multiply, pairs[i], pairs[i + 1]);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(BroadcastCases))]
    public void Add_and_Mul_broadcast(bool multiply, int[] aDims, int[] bDims)
    {
        var random = new RandomSource((ulong)(aDims.Length + (7 * bDims.Length) + (multiply ? 100 : 0)));
        var a = RandomTensors.Uniform(random, Shape.Of(aDims));
        var b = RandomTensors.Uniform(random, Shape.Of(bDims));
        GradientChecker.Check(t => multiply ? t.Mul(a, b) : t.Add(a, b), [("a", a), ("b", b)]);
    }

    [Theory]
    [InlineData(1, -1.5f)]
    [InlineData(2, 0.25f)]
    public void Scale(int seed, float factor)
    {
        var x = RandomTensors.Uniform(new RandomSource((ulong)seed), Shape.Of(2, 3, 4));
        GradientChecker.Check(t => t.Scale(x, factor), [("x", x)]);
    }
}
