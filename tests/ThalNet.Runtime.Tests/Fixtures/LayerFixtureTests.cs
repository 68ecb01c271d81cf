namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>Every layer and reader against PyTorch: output, and the gradient of sum(output * upstream) for every tensor.</summary>
public sealed class LayerFixtureTests
{
    [Fact]
    public void Linear_matches_pytorch() => Check("linear_a", (tape, t) => tape.Linear(t["x"], t["weight"], t["bias"]));

    [Fact]
    public void Relu_matches_pytorch() => Check("relu_a", (tape, t) => tape.Relu(t["x"]));

    [Fact]
    public void Tanh_matches_pytorch() => Check("tanh_a", (tape, t) => tape.Tanh(t["x"]));

    [Fact]
    public void Sigmoid_matches_pytorch() => Check("sigmoid_a", (tape, t) => tape.Sigmoid(t["x"]));

    [Fact]
    public void GruCell_matches_pytorch() =>
        Check("gru_cell_a", (tape, t) => tape.GruCell(t["x"], t["h"], t["weight_ih"], t["weight_hh"], t["bias_ih"], t["bias_hh"]));

    [Fact]
    public void LinearRead_matches_pytorch() => Check("linear_read_a", (tape, t) => tape.LinearRead(t["center"], t["w"]));

    [Fact]
    public void WeightNormRead_matches_pytorch() => Check("weight_norm_read_a", (tape, t) => tape.WeightNormRead(t["center"], t["w"], t["beta"]));

    [Fact]
    public void FastSoftmaxRead_matches_pytorch() =>
        Check("fast_softmax_read_a", (tape, t) => tape.FastSoftmaxRead(t["center"], t["features"], t["w"], t["b"]));

    [Fact]
    public void FastGaussianRead_matches_pytorch() =>
        Check("fast_gaussian_read_a", (tape, t) => tape.FastGaussianRead(t["center"], t["features"], t["w_mean"], t["b_mean"], t["w_scale"], t["b_scale"]));

    [Fact]
    public void CrossEntropy_matches_pytorch()
    {
        var f = Fixture.Load("cross_entropy_a");
        var tape = new Tape();
        var logits = f.Input("logits").RequireGrad();
        var loss = tape.CrossEntropy(logits, f.Target);
        TensorAssert.Close(f.Output, loss, "loss");
        tape.Backward(loss);
        TensorAssert.Close(f.Grad("logits").Data, logits.Grad, "d logits");
    }

    private static void Check(string name, Func<Tape, IReadOnlyDictionary<string, Tensor>, Tensor> op)
    {
        var f = Fixture.Load(name);
        var tensors = new Dictionary<string, Tensor>();
        foreach (var p in f.ParamNames)
        {
            tensors[p] = f.Param(p).RequireGrad();
        }

        foreach (var input in f.Root.GetProperty("inputs").EnumerateObject())
        {
            tensors[input.Name] = f.Input(input.Name).RequireGrad();
        }

        var tape = new Tape();
        var output = op(tape, tensors);
        TensorAssert.Close(f.Output, output, $"{name} output");
        var upstream = f.Upstream;
        var loss = tape.Sum(tape.Mul(output, upstream));
        tape.Backward(loss);
        foreach (var g in f.GradNames)
        {
            TensorAssert.Close(f.Grad(g).Data, tensors[g].Grad, $"{name} d{g}");
        }
    }
}
