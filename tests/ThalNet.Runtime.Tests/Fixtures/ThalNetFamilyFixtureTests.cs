namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>
/// The modular-recurrent family's whole unrolled models (thalnet_attention_*.json), wired from the building blocks:
/// every module reads by attention, and with <c>config.active</c> below the module count only the top k modules by
/// activity update at each sub-step. The masks of every sub-step are checked first, then the loss, the logits and
/// the gradient of every parameter and of the input sequence. Every size and k come from the file.
/// </summary>
public sealed class ThalNetFamilyFixtureTests
{
    [Theory]
    [InlineData("thalnet_attention_a")]
    [InlineData("thalnet_attention_topk_a")]
    public void Hand_wired_model_matches_pytorch(string name)
    {
        var f = Fixture.Load(name);
        var config = f.Config;
        var modules = config.GetProperty("modules").GetInt32();
        var steps = config.GetProperty("steps").GetInt32();
        var substeps = config.GetProperty("substeps").GetInt32();
        var batch = config.GetProperty("batch").GetInt32();
        var gru = config.GetProperty("gru").GetInt32();
        var active = config.GetProperty("active").GetInt32();
        Assert.Equal("attention", config.GetProperty("reading").GetString());
        var slices = Enumerable.Repeat(gru, modules).ToArray();
        var expectedMasks = f.TensorList("active_masks");
        Assert.Equal(steps * substeps, expectedMasks.Length);

        var p = f.ParamNames.ToDictionary(n => n, n => f.Param(n).RequireGrad());
        var sequence = f.Input("sequence").RequireGrad();
        var tape = new Tape();

        var center = tape.Zeros(Shape.Of(batch, modules * gru));
        var features = new Tensor[modules];
        for (var i = 0; i < modules; i++)
        {
            features[i] = tape.Zeros(Shape.Of(batch, gru));
        }

        var substep = 0;
        for (var t = 0; t < steps; t++)
        {
            var input = tape.Select(sequence, t);
            for (var s = 0; s < substeps; s++, substep++)
            {
                var contexts = new Tensor[modules];
                var nullWeights = new Tensor[modules];
                for (var i = 0; i < modules; i++)
                {
                    var m = $"m{i}";
                    contexts[i] = tape.AttentionRead(center, slices, i, p[$"{m}.read.w_query"], p[$"{m}.read.b_query"], p[$"{m}.read.w_key"], p[$"{m}.read.w_value"], out nullWeights[i]);
                }

                var mask = tape.ActiveMask(nullWeights, Math.Min(active, modules));
                Assert.True(
                    expectedMasks[substep].Data.SequenceEqual(mask.Data),
                    $"{name}: the mask of sub-step {substep} is [{string.Join(", ", mask.ToArray())}], PyTorch's [{string.Join(", ", expectedMasks[substep].ToArray())}]");

                var next = new Tensor[modules];
                for (var i = 0; i < modules; i++)
                {
                    var m = $"m{i}";
                    var x = i == 0 ? tape.Concat(1, input, contexts[i]) : contexts[i];
                    var ff = tape.Linear(x, p[$"{m}.ff.weight"], p[$"{m}.ff.bias"], Activation.Relu);
                    var updated = tape.GruCell(ff, features[i], p[$"{m}.gru.weight_ih"], p[$"{m}.gru.weight_hh"], p[$"{m}.gru.bias_ih"], p[$"{m}.gru.bias_hh"]);
                    next[i] = tape.KeepInactive(updated, features[i], mask, i);
                }

                features = next;
                center = tape.Concat(1, features);
            }
        }

        var logits = tape.Linear(features[modules - 1], p["out.weight"], p["out.bias"]);
        var loss = tape.CrossEntropy(logits, f.Target);
        TensorAssert.Close(f.Output, loss, "loss");
        TensorAssert.Close(f.Tensor("logits"), logits, "logits");
        tape.Backward(loss);
        foreach (var g in f.GradNames)
        {
            var actual = g == "sequence" ? sequence.Grad : p[g].Grad;
            TensorAssert.Close(f.Grad(g).Data, actual, $"{name} d{g}");
        }
    }
}
