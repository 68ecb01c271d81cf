using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.Specs;
using ThalNet.TorchSharp.Nn;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Models;

/// <summary>
/// The modular-recurrent family's whole unrolled models (thalnet_attention_*.json) on TorchSharp, wired by hand from
/// its modules as the engine's twin is (generated models are compared in <c>GeneratedModelParityTests</c>): the masks
/// of every sub-step first, then the loss, the logits and the gradient of every parameter and of the input sequence.
/// Every size and k come from the file.
/// </summary>
public sealed class FamilyFixtureTests
{
    [Theory]
    [InlineData("thalnet_attention_a")]
    [InlineData("thalnet_attention_topk_a")]
    public void Hand_wired_TorchSharp_model_matches_pytorch(string name)
    {
        var f = Fixture.Load(name);
        var config = f.Config;
        var (modules, steps, substeps) = (config.GetProperty("modules").GetInt32(), config.GetProperty("steps").GetInt32(), config.GetProperty("substeps").GetInt32());
        var (batch, input, context) = (config.GetProperty("batch").GetInt32(), config.GetProperty("input").GetInt32(), config.GetProperty("context").GetInt32());
        var (ff, gru, classes) = (config.GetProperty("ff").GetInt32(), config.GetProperty("gru").GetInt32(), config.GetProperty("classes").GetInt32());
        var active = config.GetProperty("active").GetInt32();
        var expectedMasks = f.TensorList("active_masks");
        Assert.Equal(steps * substeps, expectedMasks.Length);

        using var scope = torch.NewDisposeScope();
        var slices = Enumerable.Repeat(gru, modules).ToArray();
        var readers = Enumerable.Range(0, modules).Select(i => new AttentionReader(slices, i, context)).ToArray();
        var layers = Enumerable.Range(0, modules).Select(i => new FeedForward((i == 0 ? input : 0) + context, ff, Activation.Relu)).ToArray();
        var cells = Enumerable.Range(0, modules).Select(_ => new GruCell(ff, gru)).ToArray();
        var head = new Linear(gru, classes);
        var parameters = Enumerable.Range(0, modules)
            .SelectMany(i => Named($"m{i}.read.", readers[i]).Concat(Named($"m{i}.ff.", layers[i])).Concat(Named($"m{i}.gru.", cells[i])))
            .Concat(Named("out.", head))
            .ToDictionary(p => p.Name, p => p.Parameter);
        Assert.Equal(f.ParamNames.Order(), parameters.Keys.Order());
        foreach (var p in f.ParamNames)
        {
            Torch.Assign(parameters[p], f.Param(p));
        }

        var sequence = Torch.From(f.Input("sequence"), requiresGrad: true);
        var center = torch.zeros(batch, modules * gru);
        var features = Enumerable.Range(0, modules).Select(_ => torch.zeros(batch, gru)).ToArray();
        var substep = 0;
        for (var t = 0; t < steps; t++)
        {
            for (var s = 0; s < substeps; s++, substep++)
            {
                var reads = readers.Select(r => r.Read(center)).ToArray();
                var mask = ActiveModules.Mask(reads.Select(r => r.NullWeight).ToArray(), Math.Min(active, modules));
                Assert.Equal(expectedMasks[substep].ToArray(), Torch.Values(mask));

                var next = new TorchTensor[modules];
                for (var i = 0; i < modules; i++)
                {
                    var x = i == 0 ? torch.cat([sequence[t], reads[i].Context], 1) : reads[i].Context;
                    next[i] = ActiveModules.KeepInactive(cells[i].call(layers[i].call(x), features[i]), features[i], mask, i);
                }

                features = next;
                center = torch.cat(features, 1);
            }
        }

        var logits = head.call(features[modules - 1]);
        var loss = Losses.CrossEntropy(logits, torch.tensor(f.Target.Select(t => (long)t).ToArray()));
        TensorAssert.Close(f.Output.Data, Torch.Values(loss), "loss");
        TensorAssert.Close(f.Tensor("logits").Data, Torch.Values(logits), "logits");
        loss.backward();
        foreach (var g in f.GradNames)
        {
            var actual = g == "sequence" ? sequence.grad! : parameters[g].grad!;
            TensorAssert.Close(f.Grad(g).Data, Torch.Values(actual), $"{name} d{g}");
        }
    }

    private static IEnumerable<(string Name, TorchTensor Parameter)> Named(string prefix, torch.nn.Module module)
        => module.named_parameters().Select(p => (prefix + p.name, (TorchTensor)p.parameter));
}
