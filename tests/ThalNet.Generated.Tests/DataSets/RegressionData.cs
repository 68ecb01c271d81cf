using ThalNet.Examples.Features;
using ThalNet.Runtime.Training;

namespace ThalNet.Generated.Tests.DataSets;

/// <summary>
/// Arrays for <see cref="RegressionNet"/>, batch-first: 'signal' [N, T, width] uniform in [-1, 1), 'value' the
/// previous step's signal (zero at the first), 'sign' whether the last step's signal sums above zero.
/// </summary>
internal sealed record RegressionData(float[,,] Signal, float[,,] Value, int[] Sign)
{
    public static RegressionData BatchFirst(int examples, int steps, ulong seed)
    {
        var width = RegressionNet.Layout.Info.Inputs[0].Width;
        var size = RegressionNet.Layout.Info.Outputs[0].Size;
        Assert.Equal(width, size);
        var random = new RandomSource(seed);
        var signal = new float[examples, steps, width];
        var value = new float[examples, steps, size];
        var sign = new int[examples];
        for (var e = 0; e < examples; e++)
        {
            for (var t = 0; t < steps; t++)
            {
                for (var k = 0; k < width; k++)
                {
                    signal[e, t, k] = random.NextUniform(-1f, 1f);
                    value[e, t, k] = t == 0 ? 0f : signal[e, t - 1, k];
                }
            }

            var last = 0f;
            for (var k = 0; k < width; k++)
            {
                last += signal[e, steps - 1, k];
            }

            sign[e] = last > 0 ? 1 : 0;
        }

        return new RegressionData(signal, value, sign);
    }

    /// <summary>The same values with the example and step axes swapped.</summary>
    public RegressionData TimeMajor() => new(Swap(Signal), Swap(Value), Sign);

    public RegressionNet.DataSet ToDataSet(SequenceLayout layout) => new(Signal, Value, Sign, layout);

    private static float[,,] Swap(float[,,] values)
    {
        var swapped = new float[values.GetLength(1), values.GetLength(0), values.GetLength(2)];
        for (var a = 0; a < values.GetLength(0); a++)
        {
            for (var b = 0; b < values.GetLength(1); b++)
            {
                for (var k = 0; k < values.GetLength(2); k++)
                {
                    swapped[b, a, k] = values[a, b, k];
                }
            }
        }

        return swapped;
    }
}
