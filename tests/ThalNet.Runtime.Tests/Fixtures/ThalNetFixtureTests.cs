namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>
/// The three whole unrolled models of the fixtures, wired by hand from the building blocks, reproduce PyTorch's
/// loss, logits and the gradient of every parameter and of the input sequence.
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

        var p = f.ParamNames.ToDictionary(n => n, n => f.Param(n).RequireGrad());
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
                    var context = reading switch
                    {
                        "linear" => tape.LinearRead(center, p[$"{m}.read.w"]),
                        "weight_norm" => tape.WeightNormRead(center, p[$"{m}.read.w"], p[$"{m}.read.beta"]),
                        "fast_softmax" => tape.FastSoftmaxRead(center, features[i], p[$"{m}.read.w"], p[$"{m}.read.b"]),
                        _ => throw new InvalidOperationException(reading),
                    };
                    var x = i == 0 ? tape.Concat(1, input, context) : context;
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
}
