using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.TorchSharp.Models;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;

namespace ThalNet.TorchSharp.Tests.Models;

/// <summary>
/// The generated TorchSharp models of the three whole-model fixtures reproduce PyTorch: the loss, the logits and the
/// gradient of every parameter and of the input sequence, through <see cref="TorchThalNetModel.ComputeLoss"/>.
/// </summary>
public sealed class ModelFixtureTests
{
    public static TheoryData<string> Fixtures => new("thalnet_linear_a", "thalnet_weight_norm_a", "thalnet_fast_softmax_a");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_TorchSharp_model_matches_pytorch(string name)
    {
        var fixture = Fixture.Load(name);
        using var model = Create(name);
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(fixture.ParamNames.Select(ModelName).Order(), parameters.Keys.Order());
        foreach (var p in fixture.ParamNames)
        {
            Torch.Assign(parameters[ModelName(p)], fixture.Param(p));
        }

        using var sequence = Torch.From(fixture.Input("sequence"), requiresGrad: true);
        using var targets = torch.tensor(fixture.Target.Select(t => (long)t).ToArray());

        var result = model.ComputeLoss([sequence], [targets]);
        result.Total.backward();

        TensorAssert.Close(fixture.Tensor("logits").Data, Torch.Values(result.Logits[0]), "logits");
        TensorAssert.Close(fixture.Output.Data, Torch.Values(result.Total), "loss");
        foreach (var gradient in fixture.GradNames)
        {
            var actual = gradient == "sequence" ? sequence.grad! : parameters[ModelName(gradient)].grad!;
            TensorAssert.Close(fixture.Grad(gradient).Data, Torch.Values(actual), $"{name} d{gradient}");
        }

        Assert.Equal(parameters.Count + 1, fixture.GradNames.Count());
    }

    private static TorchThalNetModel Create(string fixture) => fixture switch
    {
        "thalnet_linear_a" => new LinearFixtureNetTorch(),
        "thalnet_weight_norm_a" => new WeightNormFixtureNetTorch(),
        _ => new FastSoftmaxFixtureNetTorch(),
    };

    /// <summary>The fixtures name the output head <c>out.*</c>; in the spec it is output 'out' of module m2.</summary>
    private static string ModelName(string fixtureName) => fixtureName.StartsWith("out.", StringComparison.Ordinal) ? "m2." + fixtureName : fixtureName;
}
