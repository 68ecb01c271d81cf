using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>
/// The attention reader against PyTorch (attention_read_*.json): the context, the null slot's weight and the gradient
/// of sum(context * upstream) for every parameter and the center, as a tape operation and as a module. Every size
/// (the slices, the reading module, K, the batch) comes from the file.
/// </summary>
public sealed class AttentionReadFixtureTests
{
    private const string Name = "attention_read_a";

    [Fact]
    public void Tape_operation_matches_pytorch()
    {
        var f = Fixture.Load(Name);
        var (slices, module) = Layout(f);
        var p = f.ParamNames.ToDictionary(n => n, n => f.Param(n).RequireGrad());
        var center = f.Input("center").RequireGrad();
        var tape = new Tape();

        var context = tape.AttentionRead(center, slices, module, p["w_query"], p["b_query"], p["w_key"], p["w_value"], out var nullWeight);

        AssertMatches(f, tape, context, nullWeight, name => name == "center" ? center : p[name]);
    }

    [Fact]
    public void Reader_module_matches_pytorch()
    {
        var f = Fixture.Load(Name);
        var (slices, module) = Layout(f);
        var context = f.Config.GetProperty("context").GetInt32();
        var reader = new AttentionReader(slices, module, context, new RandomSource(1));
        StateDict.Load(reader, f.ParamNames.Select(n => KeyValuePair.Create(n, f.Param(n))));
        var center = f.Input("center").RequireGrad();
        var tape = new Tape();

        var read = reader.Read(tape, center, out var nullWeight);

        Assert.Equal(Shape.Of(center.Shape.Rows, context), read.Shape);
        var parameters = reader.NamedParameters().ToDictionary(p => p.Key, p => (Tensor)p.Value);
        AssertMatches(f, tape, read, nullWeight, name => name == "center" ? center : parameters[name]);
    }

    private static (int[] Slices, int Module) Layout(Fixture f) =>
        (f.Config.GetProperty("slices").EnumerateArray().Select(e => e.GetInt32()).ToArray(), f.Config.GetProperty("module").GetInt32());

    private static void AssertMatches(Fixture f, Tape tape, Tensor context, Tensor nullWeight, Func<string, Tensor> tensor)
    {
        TensorAssert.Close(f.Output, context, "context");
        TensorAssert.Close(f.Tensor("null_weight"), nullWeight, "null weight");
        tape.Backward(tape.Sum(tape.Mul(context, f.Upstream)));
        foreach (var g in f.GradNames)
        {
            TensorAssert.Close(f.Grad(g).Data, tensor(g).Grad, $"d{g}");
        }
    }
}
