namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>The LSTM cell and the MSE loss, added through the catalog, against PyTorch.</summary>
public sealed class LstmMseFixtureTests
{
    /// <summary>The fixture's output is cat([h', c'], dim=1), so its upstream gradient reaches both outputs.</summary>
    [Fact]
    public void LstmCell_matches_pytorch()
    {
        var f = Fixture.Load("lstm_cell_a");
        var tensors = f.ParamNames.Concat(f.Root.GetProperty("inputs").EnumerateObject().Select(p => p.Name))
            .ToDictionary(n => n, n => (f.ParamNames.Contains(n) ? f.Param(n) : f.Input(n)).RequireGrad());
        var tape = new Tape();

        var (h, c) = tape.LstmCell(tensors["x"], tensors["h"], tensors["c"], tensors["weight_ih"], tensors["weight_hh"], tensors["bias_ih"], tensors["bias_hh"]);
        var output = tape.Concat(1, h, c);

        TensorAssert.Close(f.Output, output, "lstm output");
        tape.Backward(tape.Sum(tape.Mul(output, f.Upstream)));
        Assert.Equal(["bias_hh", "bias_ih", "c", "h", "weight_hh", "weight_ih", "x"], f.GradNames.Order());
        foreach (var g in f.GradNames)
        {
            TensorAssert.Close(f.Grad(g).Data, tensors[g].Grad, $"lstm d{g}");
        }
    }

    [Fact]
    public void LstmCell_module_uses_pytorch_parameter_names_and_shapes()
    {
        var cell = new Nn.LstmCell(3, 5, new RandomSource(1));

        Assert.Equal(
            [("weight_ih", "[20, 3]"), ("weight_hh", "[20, 5]"), ("bias_ih", "[20]"), ("bias_hh", "[20]")],
            cell.NamedParameters().Select(p => (p.Key, p.Value.Shape.ToString())));
    }

    [Fact]
    public void Mse_matches_pytorch()
    {
        var f = Fixture.Load("mse_a");
        var tape = new Tape();
        var prediction = f.Input("pred").RequireGrad();

        var loss = tape.Mse(prediction, f.Tensor("target"));

        TensorAssert.Close(f.Output, loss, "mse");
        tape.Backward(loss);
        TensorAssert.Close(f.Grad("pred").Data, prediction.Grad, "mse d pred");
    }
}
