namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>A small recurrence where one state tensor feeds several ops and one weight is used at every step.</summary>
public class RecurrentChainGradientTests
{
    [Theory]
    [InlineData(1, 2, 3, 4)]
    [InlineData(2, 3, 2, 5)]
    public void Shared_tensors_accumulate_gradients(int seed, int steps, int batch, int hidden)
    {
        var random = new RandomSource((ulong)seed);
        var xs = RandomTensors.Uniform(random, Shape.Of(steps, batch, hidden));
        var h0 = RandomTensors.Uniform(random, Shape.Of(batch, hidden));
        var w = RandomTensors.Uniform(random, Shape.Of(hidden, hidden));
        var b = RandomTensors.Uniform(random, Shape.Of(hidden));
        var u = RandomTensors.Uniform(random, Shape.Of(hidden, hidden));
        GradientChecker.Check(
            t =>
            {
                var h = h0;
                var outputs = new Tensor[steps];
                for (var s = 0; s < steps; s++)
                {
                    // h feeds Linear, Mul (as both operands) and Scale; w and u are reused at every step.
                    var candidate = t.Linear(h, w, b, Activation.Tanh);
                    var gate = t.Sigmoid(t.MatMul(t.Select(xs, s), u));
                    var square = t.Mul(h, h);
                    h = t.Add(t.Add(t.Mul(gate, candidate), t.Scale(h, 0.5f)), t.Scale(square, 0.1f));
                    outputs[s] = h;
                }

                return t.Concat(0, outputs);
            },
            [("xs", xs), ("h0", h0), ("w", w), ("b", b), ("u", u)]);
    }
}
