using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.Specs;
using ThalNet.TorchSharp.Nn;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Nn;

/// <summary>
/// Every TorchSharp building block against its PyTorch fixture: the output, and the gradient of
/// sum(output * upstream) for every parameter and input. Every size is read from the file (its parameters' and
/// inputs' shapes), so vector sets of other shapes run unchanged.
/// </summary>
public sealed class LayerFixtureTests
{
    [Fact]
    public void Linear_matches_pytorch()
    {
        var weight = Fixture.Load("linear_a").Param("weight").Shape;
        Check("linear_a", new Linear(weight[1], weight[0]), (m, x) => m.call(x["x"]));
    }

    [Theory]
    [InlineData("relu_a", Activation.Relu)]
    [InlineData("tanh_a", Activation.Tanh)]
    [InlineData("sigmoid_a", Activation.Sigmoid)]
    public void FeedForward_activation_matches_pytorch(string fixture, Activation activation)
    {
        // The activation fixtures have no weights: an identity FeedForward isolates the activation.
        var width = (int)Fixture.Load(fixture).Input("x").Shape[1];
        using var layer = new FeedForward(width, width, activation);
        using (torch.no_grad())
        {
            layer.Weight.copy_(torch.eye(width));
            layer.Bias.zero_();
        }

        Check(fixture, layer, (m, x) => m.call(x["x"]));
    }

    [Fact]
    public void GruCell_matches_pytorch()
    {
        var (input, hidden) = CellSizes("gru_cell_a");
        Check("gru_cell_a", new GruCell(input, hidden), (m, x) => m.call(x["x"], x["h"]));
    }

    [Fact]
    public void LstmCell_matches_pytorch()
    {
        var (input, hidden) = CellSizes("lstm_cell_a");
        Check("lstm_cell_a", new LstmCell(input, hidden), (m, x) =>
        {
            var (h, c) = m.call(x["x"], x["h"], x["c"]);
            return torch.cat([h, c], 1);
        });
    }

    [Fact]
    public void LinearReader_matches_pytorch()
    {
        var (center, context, _) = ReaderSizes("linear_read_a");
        Check("linear_read_a", new LinearReader(center, context), (m, x) => m.call(x["center"], NoFeatures(x["center"])));
    }

    [Fact]
    public void WeightNormReader_matches_pytorch()
    {
        var (center, context, _) = ReaderSizes("weight_norm_read_a");
        Check("weight_norm_read_a", new WeightNormReader(center, context), (m, x) => m.call(x["center"], NoFeatures(x["center"])));
    }

    [Fact]
    public void FastSoftmaxReader_matches_pytorch()
    {
        var (center, context, features) = ReaderSizes("fast_softmax_read_a");
        Check("fast_softmax_read_a", new FastSoftmaxReader(center, context, features), (m, x) => m.call(x["center"], x["features"]));
    }

    [Fact]
    public void FastGaussianReader_matches_pytorch()
    {
        var (center, context, features) = ReaderSizes("fast_gaussian_read_a");
        Check("fast_gaussian_read_a", new FastGaussianReader(center, context, features), (m, x) => m.call(x["center"], x["features"]));
    }

    [Fact]
    public void CrossEntropy_matches_pytorch()
    {
        var f = Fixture.Load("cross_entropy_a");
        using var logits = Torch.From(f.Input("logits"), requiresGrad: true);
        using var targets = torch.tensor(f.Target.Select(t => (long)t).ToArray());
        using var loss = Losses.CrossEntropy(logits, targets);
        TensorAssert.Close(f.Output.Data, Torch.Values(loss), "loss");
        loss.backward();
        TensorAssert.Close(f.Grad("logits").Data, Torch.Values(logits.grad!), "d logits");
    }

    [Fact]
    public void Mse_matches_pytorch()
    {
        var f = Fixture.Load("mse_a");
        using var predictions = Torch.From(f.Input("pred"), requiresGrad: true);
        using var targets = Torch.From(f.Tensor("target"));
        using var loss = Losses.Mse(predictions, targets);
        TensorAssert.Close(f.Output.Data, Torch.Values(loss), "loss");
        loss.backward();
        TensorAssert.Close(f.Grad("pred").Data, Torch.Values(predictions.grad!), "d pred");
    }

    /// <summary>A recurrent cell's I and H: weight_ih is [gates * H, I], weight_hh [gates * H, H].</summary>
    private static (int Input, int Hidden) CellSizes(string name)
    {
        var f = Fixture.Load(name);
        return (f.Param("weight_ih").Shape[1], f.Param("weight_hh").Shape[1]);
    }

    /// <summary>A reader's C (the center's width), K (the output's width) and F (the features' width; 0 for a static reader).</summary>
    private static (int Center, int Context, int Features) ReaderSizes(string name)
    {
        var f = Fixture.Load(name);
        var inputs = f.Root.GetProperty("inputs");
        var features = inputs.TryGetProperty("features", out _) ? f.Input("features").Shape[1] : 0;
        return (f.Input("center").Shape[1], f.Output.Shape[1], features);
    }

    /// <summary>What a static reader is given for the features it ignores: one column per example.</summary>
    private static TorchTensor NoFeatures(TorchTensor center) => torch.zeros(center.shape[0], 1);

    private static void Check<TModule>(string name, TModule module, Func<TModule, IReadOnlyDictionary<string, TorchTensor>, TorchTensor> run)
        where TModule : torch.nn.Module
    {
        using var owned = module;
        var f = Fixture.Load(name);
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var p in f.ParamNames)
        {
            Torch.Assign(parameters[p], f.Param(p));
        }

        var inputs = f.Root.GetProperty("inputs").EnumerateObject()
            .ToDictionary(i => i.Name, i => Torch.From(f.Input(i.Name), requiresGrad: true));
        using var output = run(module, inputs);
        TensorAssert.Close(f.Output.Data, Torch.Values(output), $"{name} output");
        using var upstream = Torch.From(f.Upstream);
        using var loss = (output * upstream).sum();
        loss.backward();
        foreach (var g in f.GradNames)
        {
            var tensor = parameters.TryGetValue(g, out var parameter) ? parameter : inputs[g];
            TensorAssert.Close(f.Grad(g).Data, Torch.Values(tensor.grad!), $"{name} d{g}");
        }

        // Every gradient checked; a fixture with weights names every parameter of the module.
        Assert.Equal(f.ParamNames.Count() + inputs.Count, f.GradNames.Count());
        Assert.True(!f.ParamNames.Any() || parameters.Count == f.ParamNames.Count(), $"{name}: the module has parameters {string.Join(", ", parameters.Keys)}");
    }
}
