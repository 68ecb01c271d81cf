namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>Inside a NoGrad scope operations compute the same values but track no gradients and record no nodes.</summary>
public class NoGradTests
{
    [Fact]
    public void Every_operation_records_a_node_when_recording()
    {
        var tape = new Tape();
        foreach (var (name, op) in new OpCatalog(3).Operations)
        {
            var before = tape.NodeCount;
            var output = op(tape);
            Assert.True(output.RequiresGrad, $"{name} does not track gradients of inputs that do.");
            Assert.True(OpCatalog.IsView(name) ? tape.NodeCount == before : tape.NodeCount > before, $"{name} recorded {tape.NodeCount - before} node(s).");
        }
    }

    [Fact]
    public void Every_operation_records_nothing_and_tracks_no_gradient_inside_NoGrad()
    {
        var catalog = new OpCatalog(4);
        var tape = new Tape();
        using (tape.NoGrad())
        {
            Assert.False(tape.IsRecording);
            foreach (var (name, op) in catalog.Operations)
            {
                Assert.False(op(tape).RequiresGrad, $"{name} produced a tensor that tracks gradients inside NoGrad.");
                Assert.True(tape.NodeCount == 0, $"{name} recorded a node inside NoGrad.");
            }
        }

        Assert.True(tape.IsRecording);
        Assert.All(catalog.Leaves, leaf => Assert.All(leaf.Grad.ToArray(), g => Assert.Equal(0f, g)));
    }

    [Fact]
    public void Every_operation_computes_the_same_values_inside_NoGrad()
    {
        var recording = new Tape();
        var withoutGrad = new Tape();
        foreach (var (name, op) in new OpCatalog(5).Operations)
        {
            var recorded = op(recording);
            using (withoutGrad.NoGrad())
            {
                Assert.True(recorded.Data.SequenceEqual(op(withoutGrad).Data), $"{name} computes other values inside NoGrad.");
            }
        }
    }

    [Fact]
    public void Scopes_nest_and_recording_resumes_after_the_outer_one()
    {
        var x = RandomTensors.Uniform(new RandomSource(6), Shape.Of(2, 3));
        var tape = new Tape();
        using (tape.NoGrad())
        {
            using (tape.NoGrad())
            {
                Assert.False(tape.IsRecording);
            }

            // GruCell opens and closes a NoGrad scope of its own; the outer one must survive it.
            var gru = new OpCatalog(7).Operations.Single(o => o.Name == "GruCell").Op;
            _ = gru(tape);
            Assert.False(tape.IsRecording);
            Assert.False(tape.Tanh(x).RequiresGrad);
        }

        Assert.True(tape.IsRecording);
        Assert.True(tape.Tanh(x).RequiresGrad);
        Assert.Equal(1, tape.NodeCount);
    }
}
