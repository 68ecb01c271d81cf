using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.TorchSharp.Nn;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;

namespace ThalNet.TorchSharp.Tests.Models;

/// <summary>
/// The whole-model vector sets on TorchSharp: a model built from each file's <c>config</c> (<see cref="FixtureThalNet"/>,
/// any module count, sizes and sub-steps) reproduces PyTorch's logits, loss and the gradient of every parameter and
/// of the input sequence. The generated TorchSharp classes are held to the engine by the generated-model parity tests.
/// </summary>
public sealed class ModelFixtureTests
{
    public static TheoryData<string> Fixtures => new("thalnet_linear_a", "thalnet_weight_norm_a", "thalnet_fast_softmax_a");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Model_built_from_the_config_matches_pytorch(string name)
    {
        var fixture = Fixture.Load(name);
        using var model = new FixtureThalNet(fixture.Config);
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(fixture.ParamNames.Order(), parameters.Keys.Order());
        foreach (var p in fixture.ParamNames)
        {
            Torch.Assign(parameters[p], fixture.Param(p));
        }

        using var sequence = Torch.From(fixture.Input("sequence"), requiresGrad: true);
        using var targets = torch.tensor(fixture.Target.Select(t => (long)t).ToArray());

        using var logits = model.call(sequence);
        using var loss = Losses.CrossEntropy(logits, targets);
        loss.backward();

        TensorAssert.Close(fixture.Tensor("logits").Data, Torch.Values(logits), "logits");
        TensorAssert.Close(fixture.Output.Data, Torch.Values(loss), "loss");
        foreach (var gradient in fixture.GradNames)
        {
            var actual = gradient == "sequence" ? sequence.grad! : parameters[gradient].grad!;
            TensorAssert.Close(fixture.Grad(gradient).Data, Torch.Values(actual), $"{name} d{gradient}");
        }

        Assert.Equal(parameters.Count + 1, fixture.GradNames.Count());
    }
}
