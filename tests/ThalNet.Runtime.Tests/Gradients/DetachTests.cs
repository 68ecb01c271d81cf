namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Detach (on the tape and on a tensor) shares values but stops gradients.</summary>
public class DetachTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_detached_operand_contributes_no_gradient_path(bool onTape)
    {
        var x = RandomTensors.Uniform(new RandomSource(1), Shape.Of(3, 4));
        var tape = new Tape();
        var detached = onTape ? tape.Detach(x) : x.Detach();
        Assert.False(detached.RequiresGrad);
        Assert.True(detached.Data.SequenceEqual(x.Data));

        // d/dx sum(x * stop(x)) = stop(x): the detached factor is a constant.
        tape.Backward(tape.Sum(tape.Mul(x, detached)));
        Assert.Equal(x.ToArray(), x.Grad.ToArray());
    }

    [Fact]
    public void Detaching_an_intermediate_cuts_everything_before_it()
    {
        var random = new RandomSource(2);
        var x = RandomTensors.Uniform(random, Shape.Of(2, 3));
        var w1 = RandomTensors.Uniform(random, Shape.Of(4, 3));
        var w2 = RandomTensors.Uniform(random, Shape.Of(2, 4));
        var tape = new Tape();
        var hidden = tape.Linear(x, w1, null, Activation.Tanh);
        var nodes = tape.NodeCount;
        var cut = tape.Detach(hidden);
        Assert.Equal(nodes, tape.NodeCount);

        tape.Backward(tape.Sum(tape.Linear(cut, w2)));
        Assert.All(x.Grad.ToArray(), g => Assert.Equal(0f, g));
        Assert.All(w1.Grad.ToArray(), g => Assert.Equal(0f, g));
        Assert.Contains(w2.Grad.ToArray(), g => g != 0f);
    }

    [Fact]
    public void An_operation_on_detached_inputs_only_records_nothing()
    {
        var x = RandomTensors.Uniform(new RandomSource(3), Shape.Of(2, 3));
        var tape = new Tape();
        var y = tape.Softmax(tape.Detach(x), -1);
        Assert.False(y.RequiresGrad);
        Assert.Equal(0, tape.NodeCount);
    }
}
