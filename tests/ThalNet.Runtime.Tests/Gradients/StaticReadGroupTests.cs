using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>All static readers of a sub-step as one operation (<see cref="Tape.StaticReads"/>, <see cref="StaticReadGroup"/>).</summary>
public class StaticReadGroupTests
{
    [Theory]
    [InlineData(1, 3, 7, false)]
    [InlineData(2, 2, 5, true)]
    public void StaticReads_op_matches_finite_differences(int seed, int batch, int centerSize, bool withPrefix)
    {
        var random = new RandomSource((ulong)seed);
        var center = RandomTensors.Uniform(random, Shape.Of(batch, centerSize));
        var prefix = RandomTensors.Uniform(random, Shape.Of(batch, 2));
        var w1 = RandomTensors.Uniform(random, Shape.Of(3, centerSize));
        var w2 = RandomTensors.Uniform(random, Shape.Of(4, centerSize));
        var beta = RandomTensors.Uniform(random, Shape.Scalar, 0.5f, 2f);
        List<(string, Tensor)> inputs = [("center", center), ("w1", w1), ("w2", w2), ("beta", beta)];
        if (withPrefix)
        {
            inputs.Add(("prefix", prefix));
        }

        GradientChecker.Check(
            t =>
            {
                var matrices = t.Concat(0, w1, t.WeightNormMatrix(w2, beta));
                Tensor[] parts = [t.TransposeConstant(t.Narrow(matrices, 0, 3)), t.TransposeConstant(t.Narrow(matrices, 3, 4))];
                var outputs = new Tensor[2];
                t.StaticReads(center, matrices, parts, [withPrefix ? prefix : null, null], outputs);
                return t.Concat(1, outputs[0], outputs[1]);
            },
            inputs);
    }

    [Fact]
    public void A_layer_after_an_input_without_gradient_forms_only_the_context_columns_of_its_input_gradient()
    {
        const int Batch = 4, CenterSize = 6, Inputs = 5, Context = 3, Hidden = 7;
        var random = new RandomSource(9);
        var center = RandomTensors.Uniform(random, Shape.Of(Batch, CenterSize)).RequireGrad();
        var input = Tensor.FromSpan(RandomTensors.Uniform(random, Shape.Of(Batch, Inputs)).Data, Shape.Of(Batch, Inputs)); // task input: no gradient
        var w = RandomTensors.Uniform(random, Shape.Of(Context, CenterSize)).RequireGrad();
        var layer = RandomTensors.Uniform(random, Shape.Of(Hidden, Inputs + Context)).RequireGrad();
        var bias = RandomTensors.Uniform(random, Shape.Of(Hidden)).RequireGrad();

        (float[] Center, float[] Read) Run(bool inputWithGradient)
        {
            center.ZeroGrad();
            var tape = new Tape();
            var prefix = inputWithGradient ? Tensor.FromSpan(input.Data, input.Shape, requiresGrad: true) : input;
            var outputs = new Tensor[1];
            tape.StaticReads(center, w, [tape.TransposeConstant(w)], [prefix], outputs);
            var y = tape.Linear(outputs[0], layer, bias, Activation.Tanh);
            tape.Backward(tape.Sum(y));
            return (center.Grad.ToArray(), outputs[0].Grad.ToArray());
        }

        var skipped = Run(inputWithGradient: false);
        var full = Run(inputWithGradient: true);

        Assert.Equal(full.Center, skipped.Center); // bit for bit: every input-gradient column is its own chain
        for (var r = 0; r < Batch; r++)
        {
            Assert.All(skipped.Read.AsSpan(r * (Inputs + Context), Inputs).ToArray(), v => Assert.Equal(0f, v));
            Assert.Equal(full.Read.AsSpan((r * (Inputs + Context)) + Inputs, Context).ToArray(), skipped.Read.AsSpan((r * (Inputs + Context)) + Inputs, Context).ToArray());
        }
    }

    [Fact]
    public void Fused_group_reads_what_each_reader_reads_and_routes_the_same_gradients()
    {
        const int Batch = 5, CenterSize = 9;
        var random = new RandomSource(3);
        StaticReader[] readers = [new WeightNormReader(CenterSize, 4, random), new LinearReader(CenterSize, 3, random), new WeightNormReader(CenterSize, 6, random)];
        var group = new StaticReadGroup(readers);
        var center = RandomTensors.Uniform(random, Shape.Of(Batch, CenterSize));
        center.RequireGrad();
        var prefix = RandomTensors.Uniform(random, Shape.Of(Batch, 2));
        prefix.RequireGrad();
        var projection = RandomTensors.Uniform(random, Shape.Of(Batch, 2 + 4 + 3 + 6));

        (float[] Values, float[][] Grads) Run(bool fused)
        {
            var tape = new Tape { FuseStaticReads = fused };
            var tensors = new Tensor[] { center, prefix }.Concat(readers.SelectMany(r => r.Parameters())).ToArray();
            foreach (var t in tensors)
            {
                t.ZeroGrad();
            }

            var reads = group.Read(tape, center, [prefix, null, null]);
            var joined = tape.Concat(1, reads[0], reads[1], reads[2]);
            tape.Backward(tape.Sum(tape.Mul(joined, projection)));
            return (joined.ToArray(), tensors.Select(t => t.Grad.ToArray()).ToArray());
        }

        var (unfusedValues, unfusedGrads) = Run(fused: false);
        var (fusedValues, fusedGrads) = Run(fused: true);
        Assert.Equal(unfusedValues, fusedValues);
        Assert.Equal(unfusedGrads.Length, fusedGrads.Length);
        for (var i = 0; i < fusedGrads.Length; i++)
        {
            for (var j = 0; j < fusedGrads[i].Length; j++)
            {
                Assert.Equal(unfusedGrads[i][j], fusedGrads[i][j], 1e-5f * Math.Max(1f, Math.Abs(unfusedGrads[i][j])));
            }
        }
    }

    [Fact]
    public void A_group_needs_one_prefix_per_reader()
    {
        var random = new RandomSource(4);
        var group = new StaticReadGroup(new LinearReader(6, 2, random), new LinearReader(6, 3, random));
        var error = Assert.Throws<ArgumentException>(() => group.Read(new Tape(), Tensor.Zeros(2, 6), [null]));
        Assert.Contains("2 readers need 2 prefixes", error.Message, StringComparison.Ordinal);
    }
}
