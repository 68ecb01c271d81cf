using ThalNet.Runtime.Models;
using ThalNet.Runtime.Optim;

namespace ThalNet.Runtime.Tests.Models;

public sealed class GruBaselineTests
{
    private static readonly InputInfo[] Pixels = [new("pixels", 28, false)];
    private static readonly OutputInfo[] Digit = [new("out", "digit", 10, LossKind.CrossEntropy, false, 1f)];

    [Fact]
    public void Paper_budget_gives_hidden_46_for_four_layers_on_sequential_mnist()
    {
        var hidden = GruBaseline.HiddenSizeForBudget(28, 4, [10], 50_000);
        Assert.Equal(46, hidden);
        Assert.True(GruBaseline.CountParameters(28, 47, 4, [10]) > 50_000);
    }

    [Fact]
    public void Parameter_count_and_names_follow_nn_gru()
    {
        var model = new GruBaseline("Baseline", Pixels, 46, 4, Digit, new RandomSource(1));
        Assert.Equal(GruBaseline.CountParameters(28, 46, 4, [10]), model.ParameterCount());
        var names = model.NamedParameters().Select(p => p.Key).ToArray();
        Assert.Contains("gru.weight_ih_l0", names);
        Assert.Contains("gru.bias_hh_l3", names);
        Assert.Contains("digit.weight", names);
    }

    [Fact]
    public void Training_steps_lower_the_loss_on_a_fixed_batch()
    {
        var random = new RandomSource(3);
        var model = new GruBaseline("Baseline", [new InputInfo("x", 3, false)], 8, 2, [new OutputInfo("out", "y", 2, LossKind.CrossEntropy, false, 1f)], random);
        var batch = new SequenceBatch(model.Info, 5, 6);
        var x = batch.Dense[0]!.Data;
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = random.NextUniform(-1f, 1f);
        }

        for (var b = 0; b < 6; b++)
        {
            batch.Targets[0][b] = x[((4 * 6) + b) * 3] > 0 ? 1 : 0;
        }

        var optimizer = new Adam(model.NamedParameters(), learningRate: 1e-2f);
        var tape = new Tape();
        float first = 0, last = 0;
        for (var step = 0; step < 30; step++)
        {
            tape.Reset();
            optimizer.ZeroGrad();
            var loss = model.ComputeLoss(tape, batch).Total;
            tape.Backward(loss);
            optimizer.Step();
            if (step == 0)
            {
                first = loss.Item();
            }

            last = loss.Item();
        }

        Assert.True(last < first * 0.5f, $"loss went from {first} to {last}");
    }
}
