using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>
/// The attention reader against PyTorch (attention_read_*.json): the context, the null slot's weight and the gradient
/// of sum(context * upstream) for every parameter and the center, as a tape operation and as a module, and the weights
/// over the modules and the null slot that a probe sees. Every size (the slices, the reading module, K, the batch)
/// comes from the file.
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

    [Fact]
    public void Probe_sees_every_examples_weights_over_the_modules_and_the_null_slot()
    {
        var f = Fixture.Load(Name);
        var (slices, _) = Layout(f);
        var reader = LoadedReader(f);
        var recorder = new WeightRecorder();
        reader.Probe = recorder;
        var center = f.Input("center");

        reader.Read(new Tape(), center, out var nullWeight);

        var expected = AttentionWeightsReference.Compute(f);
        var weights = Assert.Single(recorder.Reads);
        Assert.Equal((center.Shape.Rows, slices.Length), (weights.Batch, weights.Modules));
        var rows = weights.Values.Chunk(slices.Length + 1).ToArray();
        Assert.All(rows, row => Assert.Equal(1.0, row.Sum(v => (double)v), 5));
        TensorAssert.Close([.. expected.SelectMany(row => row).Select(v => (float)v)], weights.Values, "weights over the modules and the null slot");
        TensorAssert.Close(f.Tensor("null_weight").Data, [.. rows.Select(row => row[^1])], "null slot's weight");
        Assert.Equal(nullWeight.Data.ToArray(), rows.Select(row => row[^1]));
    }

    [Fact]
    public void Module_attention_probe_averages_the_weights_over_rows_and_reads()
    {
        var f = Fixture.Load(Name);
        var reader = LoadedReader(f);
        var probe = new ModuleAttentionProbe(keepFrames: true);
        reader.Probe = probe;
        var center = f.Input("center");
        var tape = new Tape();
        using (tape.NoGrad())
        {
            reader.Read(tape, center, out _);
            reader.Read(tape, center, out _);
        }

        var expected = AttentionWeightsReference.Compute(f);
        var slots = expected[0].Length;
        var columnMeans = Enumerable.Range(0, slots).Select(j => expected.Average(row => row[j])).ToArray();
        Assert.Equal(2L * center.Shape.Rows, probe.Samples);
        Assert.Equal(2, probe.Frames.Count);
        Assert.All(probe.Frames, frame => TensorAssert.Close([.. columnMeans.Select(v => (float)v)], frame, "one read's batch mean"));
        TensorAssert.Close([.. columnMeans.Select(v => (float)v)], [.. probe.Mean().Select(v => (float)v)], "mean over rows and reads");
        Assert.Equal(1.0, probe.Mean().Sum(), 5);
    }

    private static AttentionReader LoadedReader(Fixture f)
    {
        var (slices, module) = Layout(f);
        var reader = new AttentionReader(slices, module, f.Config.GetProperty("context").GetInt32(), new RandomSource(1));
        StateDict.Load(reader, f.ParamNames.Select(n => KeyValuePair.Create(n, f.Param(n))));
        return reader;
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

    /// <summary>Keeps a copy of every read's weights.</summary>
    private sealed class WeightRecorder : IModuleAttentionObserver
    {
        public List<(float[] Values, int Batch, int Modules)> Reads { get; } = [];

        public void Add(ReadOnlySpan<float> weights, int batch, int modules) => Reads.Add((weights[..(batch * (modules + 1))].ToArray(), batch, modules));
    }
}
