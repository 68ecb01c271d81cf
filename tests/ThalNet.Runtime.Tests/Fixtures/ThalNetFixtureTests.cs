namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>
/// The whole unrolled models of the fixtures, wired by hand from the building blocks as each file's config says
/// (module count, sizes, sub-steps; the reader the catalog names for its reading word), reproduce PyTorch's loss,
/// logits and the gradient of every parameter and of the input sequence.
/// </summary>
public sealed class ThalNetFixtureTests
{
    [Theory]
    [InlineData("thalnet_linear_a")]
    [InlineData("thalnet_weight_norm_a")]
    [InlineData("thalnet_fast_softmax_a")]
    public void Hand_wired_model_matches_pytorch(string name)
    {
        var f = Fixture.Load(name);
        var config = f.Config;
        var modules = config.GetProperty("modules").GetInt32();
        var steps = config.GetProperty("steps").GetInt32();
        var substeps = config.GetProperty("substeps").GetInt32();
        var batch = config.GetProperty("batch").GetInt32();
        var gru = config.GetProperty("gru").GetInt32();
        var reading = config.GetProperty("reading").GetString();

        var context = config.GetProperty("context").GetInt32();
        var p = f.ParamNames.ToDictionary(n => n, n => f.Param(n).RequireGrad());
        var readers = Enumerable.Range(0, modules).Select(i => Reader(reading!, new ReaderSizes(modules * gru, context, gru), p, $"m{i}.read.")).ToArray();
        var sequence = f.Input("sequence").RequireGrad();
        var tape = new Tape();

        var center = tape.Zeros(Shape.Of(batch, modules * gru));
        var features = new Tensor[modules];
        for (var i = 0; i < modules; i++)
        {
            features[i] = tape.Zeros(Shape.Of(batch, gru));
        }

        for (var t = 0; t < steps; t++)
        {
            var input = tape.Select(sequence, t);
            for (var s = 0; s < substeps; s++)
            {
                var next = new Tensor[modules];
                for (var i = 0; i < modules; i++)
                {
                    var m = $"m{i}";
                    var read = readers[i].Read(tape, center, features[i]);
                    var x = i == 0 ? tape.Concat(1, input, read) : read;
                    var ff = tape.Linear(x, p[$"{m}.ff.weight"], p[$"{m}.ff.bias"], Activation.Relu);
                    next[i] = tape.GruCell(ff, features[i], p[$"{m}.gru.weight_ih"], p[$"{m}.gru.weight_hh"], p[$"{m}.gru.bias_ih"], p[$"{m}.gru.bias_hh"]);
                }

                features = next;
                center = tape.Concat(1, features);
            }
        }

        var logits = tape.Linear(features[modules - 1], p["out.weight"], p["out.bias"]);
        TensorAssert.Close(f.Tensor("logits"), logits, "logits");
        var loss = tape.CrossEntropy(logits, f.Target);
        TensorAssert.Close(f.Output, loss, "loss");
        tape.Backward(loss);
        foreach (var g in f.GradNames)
        {
            var actual = g == "sequence" ? sequence.Grad : p[g].Grad;
            TensorAssert.Close(f.Grad(g).Data, actual, $"{name} d{g}");
        }
    }

    /// <summary>
    /// The catalog's engine reader for the file's word (<c>weight_norm</c> is <c>weight-norm</c>), its parameters
    /// replaced by the file's (named <paramref name="prefix"/> + the catalog's name), so their gradients land there.
    /// </summary>
    private static Nn.Reader Reader(string word, ReaderSizes sizes, Dictionary<string, Tensor> parameters, string prefix)
    {
        var entry = Specs.Catalog.Readings.Single(e => e.Word == word.Replace('_', '-'));
        object[] arguments = entry.ReadsOwnFeatures ? [sizes.Center, sizes.Context, sizes.Features, new RandomSource(1)] : [sizes.Center, sizes.Context, new RandomSource(1)];
        var type = typeof(Tape).Assembly.GetType(entry.Types.MetadataName(Specs.Backend.Engine))!;
        var reader = (Nn.Reader)type.GetConstructors().Single(c => c.GetParameters().Length == arguments.Length).Invoke(arguments);
        foreach (var (parameterName, parameter) in reader.NamedParameters())
        {
            var values = parameters[prefix + parameterName];
            values.Data.CopyTo(parameter.Data);
            parameters[prefix + parameterName] = parameter;
        }

        return reader;
    }
}
