using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.TorchSharp.Nn;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;

namespace ThalNet.TorchSharp.Tests.Nn;

/// <summary>
/// The TorchSharp attention reader against PyTorch (attention_read_*.json): the context, the null slot's weight and
/// the gradient of sum(context * upstream) for every parameter and the center. Every size (the slices, the reading
/// module, K, the batch) comes from the file.
/// </summary>
public sealed class AttentionReaderFixtureTests
{
    [Fact]
    public void AttentionReader_matches_pytorch()
    {
        var f = Fixture.Load("attention_read_a");
        var slices = f.Config.GetProperty("slices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var module = f.Config.GetProperty("module").GetInt32();
        var contextSize = f.Config.GetProperty("context").GetInt32();
        using var reader = new AttentionReader(slices, module, contextSize);
        var parameters = reader.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(f.ParamNames.Order(), parameters.Keys.Order());
        foreach (var p in f.ParamNames)
        {
            Torch.Assign(parameters[p], f.Param(p));
        }

        using var center = Torch.From(f.Input("center"), requiresGrad: true);
        var (context, nullWeight) = reader.Read(center);
        using var features = torch.zeros(center.shape[0], 1);
        using var forwarded = reader.call(center, features);

        TensorAssert.Close(f.Output.Data, Torch.Values(context), "context");
        TensorAssert.Close(f.Output.Data, Torch.Values(forwarded), "forward(center, features)");
        TensorAssert.Close(f.Tensor("null_weight").Data, Torch.Values(nullWeight), "null weight");
        using var upstream = Torch.From(f.Upstream);
        using var loss = (context * upstream).sum();
        loss.backward();
        foreach (var g in f.GradNames)
        {
            var tensor = g == "center" ? center : parameters[g];
            TensorAssert.Close(f.Grad(g).Data, Torch.Values(tensor.grad!), $"d{g}");
        }

        context.Dispose();
        nullWeight.Dispose();
    }
}
