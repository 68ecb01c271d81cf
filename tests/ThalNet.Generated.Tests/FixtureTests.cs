using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;
using ThalNet.Runtime.Tests.Fixtures;

namespace ThalNet.Generated.Tests;

/// <summary>
/// The generated models of the three whole-model fixtures reproduce PyTorch: the loss, the logits and the gradient
/// of every parameter and of the input sequence, through the runtime's <see cref="ThalNetModel.ComputeLoss"/>.
/// </summary>
public sealed class FixtureTests
{
    public static TheoryData<string> Fixtures => new("thalnet_linear_a", "thalnet_weight_norm_a", "thalnet_fast_softmax_a");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_model_matches_pytorch(string name)
    {
        var fixture = Fixture.Load(name);
        var model = Create(name);
        StateDict.Load(model, fixture.ParamNames.Select(p => KeyValuePair.Create(ModelName(p), fixture.Param(p))));
        var sequence = fixture.Input("sequence").RequireGrad();
        var batch = new SequenceBatch(model.Info, sequence.Shape[0], sequence.Shape[1]);
        batch.Dense[0] = sequence;
        fixture.Target.CopyTo(batch.Targets[0]);
        var tape = new Tape();

        var result = model.ComputeLoss(tape, batch);
        tape.Backward(result.Total);

        TensorAssert.Close(fixture.Tensor("logits"), result.Logits[0], "logits");
        TensorAssert.Close(fixture.Output, result.Total, "loss");
        var parameters = model.NamedParameters().ToDictionary(p => p.Key, p => p.Value);
        foreach (var gradient in fixture.GradNames)
        {
            var actual = gradient == "sequence" ? sequence.Grad : parameters[ModelName(gradient)].Grad;
            TensorAssert.Close(fixture.Grad(gradient).Data, actual, $"{name} d{gradient}");
        }

        Assert.Equal(parameters.Count + 1, fixture.GradNames.Count());
    }

    private static ThalNetModel Create(string fixture) => fixture switch
    {
        "thalnet_linear_a" => new LinearFixtureNet(new RandomSource(1)),
        "thalnet_weight_norm_a" => new WeightNormFixtureNet(new RandomSource(1)),
        _ => new FastSoftmaxFixtureNet(new RandomSource(1)),
    };

    /// <summary>The fixtures name the output head <c>out.*</c>; in the spec it is output 'out' of module m2.</summary>
    private static string ModelName(string fixtureName) => fixtureName.StartsWith("out.", StringComparison.Ordinal) ? "m2." + fixtureName : fixtureName;
}
