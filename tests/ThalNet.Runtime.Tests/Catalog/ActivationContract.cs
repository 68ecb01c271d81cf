using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime.Tests.Catalog;

/// <summary>
/// What an engine activation promises its callers (<see cref="ActivationFunction"/>), checked on values spread over
/// [-6, 6]: run in place (when it says it may) it gives exactly what it gives out of place; its backward reads the
/// input only when it says it needs it (else it is given an empty span); and the backward is the derivative of the
/// forward (central differences in double around each value).
/// </summary>
internal static class ActivationContract
{
    public static IReadOnlyList<string> Problems(ActivationFunction function)
    {
        var problems = new List<string>();
        var x = Enumerable.Range(0, 97).Select(i => -6f + (12f * i / 96f) + 0.013f).ToArray();
        var y = new float[x.Length];
        function.Forward(x, y);
        if (function.MayRunInPlace)
        {
            var inPlace = (float[])x.Clone();
            function.Forward(inPlace, inPlace);
            var first = Enumerable.Range(0, x.Length).FirstOrDefault(i => inPlace[i] != y[i], -1);
            if (first >= 0)
            {
                problems.Add($"says it may run in place, but in place f({x[first]}) = {inPlace[first]}, not {y[first]}");
            }
        }

        var dy = Enumerable.Range(0, x.Length).Select(i => 1f + (0.01f * i)).ToArray();
        var dx = new float[x.Length];
        try
        {
            function.Backward(function.BackwardNeedsInput ? x : ReadOnlySpan<float>.Empty, y, dy, dx);
        }
        catch (IndexOutOfRangeException)
        {
            problems.Add("reads its input in the backward pass but says it does not need it");
            return problems;
        }

        for (var i = 0; i < x.Length; i++)
        {
            var derivative = Derivative(function, x[i]);
            if (Math.Abs((dx[i] / dy[i]) - derivative) > 2e-3 * Math.Max(1, Math.Abs(derivative)))
            {
                problems.Add($"f'({x[i]}) is {derivative:G6} by differences, the backward gives {dx[i] / dy[i]:G6}");
                break;
            }
        }

        return problems;
    }

    private static double Derivative(ActivationFunction function, float x)
    {
        const float H = 1e-2f;
        Span<float> at = [x - H, x + H];
        Span<float> f = stackalloc float[2];
        function.Forward(at, f);
        return (f[1] - (double)f[0]) / (at[1] - (double)at[0]);
    }
}
