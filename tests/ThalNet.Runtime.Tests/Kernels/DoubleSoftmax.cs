namespace ThalNet.Runtime.Tests.Kernels;

/// <summary>The softmax in double: the reference the fast readers' kernels are compared with.</summary>
internal static class DoubleSoftmax
{
    public static double[] Of(double[] logits)
    {
        var max = logits.Max();
        var e = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }
}
