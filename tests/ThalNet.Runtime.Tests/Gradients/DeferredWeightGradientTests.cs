using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Parameter gradients formed once over all stacked rows at the end of the pass (<see cref="Tape.DeferWeightGradients"/>).</summary>
public class DeferredWeightGradientTests
{
    [Fact]
    public void Deferred_gradients_of_a_recurrent_chain_equal_the_per_step_ones_bit_for_bit()
    {
        var (immediate, immediateLoss) = Gradients(defer: false);
        var (deferred, deferredLoss) = Gradients(defer: true);
        Assert.Equal(immediateLoss, deferredLoss);
        Assert.Equal(immediate.Length, deferred.Length);
        for (var i = 0; i < immediate.Length; i++)
        {
            Assert.Equal(immediate[i], deferred[i]);
        }
    }

    [Theory]
    [InlineData(null, 5, true)]
    [InlineData(null, 15, true)]
    [InlineData(null, 16, false)]
    [InlineData(null, 25, false)]
    [InlineData(true, 25, true)]
    [InlineData(false, 5, false)]
    public void Small_products_are_deferred_by_default(bool? setting, int rows, bool deferred) =>
        Assert.Equal(deferred, new Tape { DeferWeightGradients = setting }.DefersProductOf(rows));

    [Fact]
    public void Deferred_gradients_match_finite_differences()
    {
        var random = new RandomSource(8);
        var ff = new FeedForward(3, 4, Activation.Tanh, random);
        var gru = new GruCell(4, 5, random);
        var x = RandomTensors.Uniform(random, Shape.Of(3, 2, 3));
        GradientChecker.Check(
            t =>
            {
                t.DeferWeightGradients = true;
                return Chain(t, ff, gru, x);
            },
            [.. GradientChecker.ParametersOf(ff, "ff."), .. GradientChecker.ParametersOf(gru, "gru.")]);
    }

    private static (float[][] Grads, float Loss) Gradients(bool defer)
    {
        var random = new RandomSource(7);
        var ff = new FeedForward(3, 4, Activation.Relu, random);
        var gru = new GruCell(4, 5, random);
        var x = RandomTensors.Uniform(random, Shape.Of(6, 3, 3));
        var tape = new Tape { DeferWeightGradients = defer };
        var loss = tape.Sum(Chain(tape, ff, gru, x));
        tape.Backward(loss);
        var parameters = ff.Parameters().Concat(gru.Parameters()).ToArray();
        return (parameters.Select(p => p.Grad.ToArray()).ToArray(), loss.Item());
    }

    /// <summary>FF then GRU over the steps of x [T, B, I]; the last hidden state.</summary>
    private static Tensor Chain(Tape tape, FeedForward ff, GruCell gru, Tensor x)
    {
        var h = tape.Zeros(Shape.Of(x.Shape[1], gru.HiddenSize));
        for (var t = 0; t < x.Shape[0]; t++)
        {
            h = gru.Forward(tape, ff.Forward(tape, tape.Select(x, t)), h);
        }

        return h;
    }
}
