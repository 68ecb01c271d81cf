using System.Globalization;
using System.Text;
using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>
/// Compares the gradients that <see cref="Tape.Backward"/> gives with central finite differences.
/// </summary>
/// <remarks>
/// The function under test maps leaf tensors (captured by the closure, each listed in <c>inputs</c> and tracking
/// gradients) to an output of any shape. The loss is sum(output * u) for a fixed random upstream u, so every output
/// element is weighted differently and a transposed or misplaced gradient cannot cancel out. The analytic pass
/// records that loss on the tape; each numeric partial derivative re-runs the function after
/// <see cref="Tape.Reset"/> with one input element moved by ±h, and sums output * u in double.
/// </remarks>
internal static class GradientChecker
{
    private const int MaxReportedFailures = 12;

    /// <summary>The parameters of a module as checker inputs, named by their dotted paths.</summary>
    public static IEnumerable<(string Name, Tensor Tensor)> ParametersOf(Module module, string prefix = "")
    {
        foreach (var (name, parameter) in module.NamedParameters())
        {
            yield return (prefix + name, parameter);
        }
    }

    public static void Check(Func<Tape, Tensor> forward, IReadOnlyList<(string Name, Tensor Tensor)> inputs, GradientCheckOptions? options = null)
    {
        options ??= GradientCheckOptions.Default;
        Assert.NotEmpty(inputs);
        foreach (var (name, tensor) in inputs)
        {
            Assert.True(tensor.RequiresGrad, $"Input '{name}' must track gradients.");
            tensor.ZeroGrad();
        }

        var tape = new Tape();
        var output = forward(tape);
        var upstream = Upstream(output.Length, options.UpstreamSeed);
        var recordedLoss = WeightedSum(output, upstream);
        var loss = tape.Sum(tape.Mul(output, tape.Constant(upstream, output.Shape)));
        Assert.Equal(Shape.Scalar, loss.Shape);
        tape.Backward(loss);

        var analytic = new float[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++)
        {
            analytic[i] = inputs[i].Tensor.Grad.ToArray();
        }

        // The forward pass must be reproducible after a reset, or the differences below would measure noise.
        Assert.Equal(recordedLoss, Evaluate(tape, forward, upstream));

        var failures = new StringBuilder();
        var failureCount = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var (name, tensor) = inputs[i];
            var largest = 0.0;
            for (var e = 0; e < tensor.Length; e++)
            {
                var numeric = NumericPartial(tape, forward, upstream, tensor, e, options.Step);
                largest = Math.Max(largest, Math.Abs(numeric));
                var a = (double)analytic[i][e];
                if (!(Math.Abs(a - numeric) <= options.AbsoluteTolerance + (options.RelativeTolerance * Math.Abs(numeric))))
                {
                    if (failureCount++ < MaxReportedFailures)
                    {
                        failures.AppendLine(CultureInfo.InvariantCulture,
                            $"  {name}{Index(tensor.Shape, e)}: analytic {a:G6}, numeric {numeric:G6}, difference {a - numeric:G3}");
                    }
                }
            }

            Assert.True(largest >= options.MinimumGradient,
                $"Input '{name}' {tensor.Shape} has no partial derivative above {options.MinimumGradient}: the check would be vacuous.");
        }

        Assert.True(failureCount == 0,
            $"{failureCount} gradient element(s) differ from central differences (h = {options.Step}, tolerance {options.AbsoluteTolerance} + {options.RelativeTolerance} |numeric|):{Environment.NewLine}{failures}");
    }

    private static double NumericPartial(Tape tape, Func<Tape, Tensor> forward, float[] upstream, Tensor input, int element, double step)
    {
        var data = input.Data;
        var original = data[element];
        var plus = (float)(original + step);
        var minus = (float)(original - step);
        data[element] = plus;
        var lossPlus = Evaluate(tape, forward, upstream);
        data[element] = minus;
        var lossMinus = Evaluate(tape, forward, upstream);
        data[element] = original;
        return (lossPlus - lossMinus) / ((double)plus - minus);
    }

    private static double Evaluate(Tape tape, Func<Tape, Tensor> forward, float[] upstream)
    {
        tape.Reset();
        return WeightedSum(forward(tape), upstream);
    }

    private static double WeightedSum(Tensor output, float[] upstream)
    {
        Assert.Equal(upstream.Length, output.Length);
        var data = output.Data;
        var sum = 0.0;
        for (var i = 0; i < data.Length; i++)
        {
            sum += (double)data[i] * upstream[i];
        }

        return sum;
    }

    private static float[] Upstream(int length, ulong seed)
    {
        var random = new RandomSource(seed);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = random.NextUniform(-1f, 1f);
        }

        return values;
    }

    /// <summary>"[i, j, k]" for a flat element index.</summary>
    private static string Index(Shape shape, int flat)
    {
        var index = new int[shape.Rank];
        for (var d = shape.Rank - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }

        return "[" + string.Join(", ", index) + "]";
    }
}
