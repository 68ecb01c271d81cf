using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.TorchSharp.Nn;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;
using EngineAttentionReader = ThalNet.Runtime.Nn.AttentionReader;

namespace ThalNet.TorchSharp.Tests.Nn;

/// <summary>
/// The TorchSharp attention reader against PyTorch (attention_read_*.json): the context, the null slot's weight and
/// the gradient of sum(context * upstream) for every parameter and the center; the weights over the modules and the null
/// slot that its observer sees, the same as the engine's probe. Every size (the slices, the reading module, K, the
/// batch) comes from the file.
/// </summary>
public sealed class AttentionReaderFixtureTests
{
    private const string Name = "attention_read_a";

    [Fact]
    public void AttentionReader_matches_pytorch()
    {
        var f = Fixture.Load(Name);
        using var reader = LoadedReader(f);
        var parameters = reader.named_parameters().ToDictionary(p => p.name, p => p.parameter);

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

    [Fact]
    public void Observer_sees_the_weights_over_the_modules_and_the_null_slot_that_the_engine_probe_sees()
    {
        var f = Fixture.Load(Name);
        var slices = Slices(f);
        using var reader = LoadedReader(f);
        var seen = new List<(long[] Shape, float[] Values)>();
        reader.AttentionObserver = weights => seen.Add((weights.shape, Torch.Values(weights)));
        using var center = Torch.From(f.Input("center"));
        using var features = torch.zeros(center.shape[0], 1);

        reader.call(center, features).Dispose();

        var engine = new EngineAttentionReader(slices, f.Config.GetProperty("module").GetInt32(), f.Config.GetProperty("context").GetInt32(), new ThalNet.Runtime.RandomSource(1));
        ThalNet.Runtime.Nn.StateDict.Load(engine, f.ParamNames.Select(n => KeyValuePair.Create(n, f.Param(n))));
        var probe = new ThalNet.Runtime.Analysis.ModuleAttentionProbe(keepFrames: true);
        engine.Probe = probe;
        engine.Read(new ThalNet.Runtime.Tape(), f.Input("center"), out var engineNullWeight);

        var (shape, values) = Assert.Single(seen);
        Assert.Equal([f.Input("center").Shape.Rows, slices.Length + 1], shape);
        var rows = values.Chunk(slices.Length + 1).ToArray();
        Assert.All(rows, row => Assert.Equal(1.0, row.Sum(v => (double)v), 5));
        TensorAssert.Close([.. AttentionWeightsReference.Compute(f).SelectMany(row => row).Select(v => (float)v)], values, "weights over the modules and the null slot");
        TensorAssert.Close(engineNullWeight.Data, [.. rows.Select(row => row[^1])], "null slot's weight, TorchSharp against the engine");
        var columnMeans = Enumerable.Range(0, slices.Length + 1).Select(j => (float)rows.Average(row => row[j])).ToArray();
        TensorAssert.Close(Assert.Single(probe.Frames), columnMeans, "batch mean, engine probe against TorchSharp");
    }

    private static int[] Slices(Fixture f) => [.. f.Config.GetProperty("slices").EnumerateArray().Select(e => e.GetInt32())];

    private static AttentionReader LoadedReader(Fixture f)
    {
        var reader = new AttentionReader(Slices(f), f.Config.GetProperty("module").GetInt32(), f.Config.GetProperty("context").GetInt32());
        var parameters = reader.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(f.ParamNames.Order(), parameters.Keys.Order());
        foreach (var p in f.ParamNames)
        {
            Torch.Assign(parameters[p], f.Param(p));
        }

        return reader;
    }
}
