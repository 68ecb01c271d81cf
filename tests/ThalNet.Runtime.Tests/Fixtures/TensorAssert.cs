namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>Element-wise comparison with the tolerance the fixtures README gives for float32: 1e-5 absolute plus 1e-4 relative.</summary>
public static class TensorAssert
{
    public static void Close(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what, float absolute = 1e-5f, float relative = 1e-4f)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = absolute + (relative * MathF.Abs(expected[i]));
            var diff = MathF.Abs(expected[i] - actual[i]);
            Assert.True(diff <= tolerance, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (|diff| {diff:R} > {tolerance:R})");
        }
    }

    public static void Close(Tensor expected, Tensor actual, string what, float absolute = 1e-5f, float relative = 1e-4f)
    {
        Assert.True(expected.Shape.Size == actual.Shape.Size, $"{what}: expected shape {expected.Shape}, got {actual.Shape}");
        Close(expected.Data, actual.Data, what, absolute, relative);
    }
}
