using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Parameter gradients add up over Backward calls until they are zeroed, as in PyTorch.</summary>
public class GradientAccumulationTests
{
    private readonly Linear _hidden;
    private readonly Linear _output;
    private readonly Tensor _x;
    private readonly int[] _targets = [2, 0, 1];

    public GradientAccumulationTests()
    {
        var random = new RandomSource(21);
        _hidden = new Linear(4, 5, random);
        _output = new Linear(5, 3, random);
        _x = RandomTensors.Uniform(random, Shape.Of(3, 4));
    }

    private IEnumerable<Tensor> Leaves => [.. _hidden.Parameters(), .. _output.Parameters(), _x];

    [Fact]
    public void Two_graphs_accumulate_until_ZeroGrad()
    {
        var tape = new Tape();
        tape.Backward(Loss(tape));
        var single = Snapshot();
        Assert.Contains(single, g => g.Any(v => v != 0f));

        tape.Reset();
        tape.Backward(Loss(tape));
        AssertGradients(single, factor: 2f);

        foreach (var leaf in Leaves)
        {
            leaf.ZeroGrad();
        }

        tape.Reset();
        tape.Backward(Loss(tape));
        AssertGradients(single, factor: 1f);
    }

    [Fact]
    public void Two_Backward_calls_on_one_graph_accumulate()
    {
        var tape = new Tape();
        tape.Backward(Loss(tape));
        var single = Snapshot();
        foreach (var leaf in Leaves)
        {
            leaf.ZeroGrad();
        }

        tape.Reset();
        var loss = Loss(tape);
        tape.Backward(loss);
        tape.Backward(loss);
        AssertGradients(single, factor: 2f);
    }

    [Fact]
    public void Backward_of_two_losses_of_one_graph_gives_the_gradient_of_their_sum()
    {
        var tape = new Tape();
        var hidden = _hidden.Forward(tape, _x);
        tape.Backward(tape.Add(tape.CrossEntropy(_output.Forward(tape, tape.Tanh(hidden)), _targets), tape.Mean(hidden)));
        var summed = Snapshot();
        foreach (var leaf in Leaves)
        {
            leaf.ZeroGrad();
        }

        tape.Reset();
        hidden = _hidden.Forward(tape, _x);
        var crossEntropy = tape.CrossEntropy(_output.Forward(tape, tape.Tanh(hidden)), _targets);
        var mean = tape.Mean(hidden);
        tape.Backward(crossEntropy);
        tape.Backward(mean);
        AssertGradients(summed, factor: 1f);
    }

    [Fact]
    public void A_tape_owned_leaf_accumulates_over_two_Backward_calls()
    {
        var tape = new Tape();
        var h0 = tape.Zeros(Shape.Of(3, 4), requiresGrad: true);
        _x.Data.CopyTo(h0.Data);
        var loss = tape.Sum(tape.Tanh(_hidden.Forward(tape, h0)));
        tape.Backward(loss);
        var single = h0.Grad.ToArray();
        Assert.Contains(single, v => v != 0f);

        tape.Backward(loss);
        for (var i = 0; i < single.Length; i++)
        {
            Assert.Equal(2f * single[i], h0.Grad[i], 6);
        }
    }

    private Tensor Loss(Tape tape) => tape.CrossEntropy(_output.Forward(tape, tape.Tanh(_hidden.Forward(tape, _x))), _targets);

    private float[][] Snapshot() => [.. Leaves.Select(t => t.Grad.ToArray())];

    private void AssertGradients(float[][] expected, float factor)
    {
        var leaves = Leaves.ToArray();
        for (var i = 0; i < leaves.Length; i++)
        {
            var actual = leaves[i].Grad;
            for (var e = 0; e < actual.Length; e++)
            {
                // The kernels accumulate into the existing gradient inside their FMA chains, so the sum of two passes
                // may differ from twice one pass in the last bits.
                var want = factor * expected[i][e];
                Assert.True(MathF.Abs(want - actual[e]) <= 1e-6f + (1e-5f * MathF.Abs(want)), $"leaf {i}[{e}]: expected {want:R}, got {actual[e]:R}");
            }
        }
    }
}
