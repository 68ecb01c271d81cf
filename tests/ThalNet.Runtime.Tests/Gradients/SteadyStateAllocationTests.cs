using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>After <see cref="Tape.Reset"/>, repeating the same forward and backward pass allocates no managed memory.</summary>
public class SteadyStateAllocationTests
{
    private const int Steps = 3, Batch = 4, InputSize = 5, HiddenSize = 8, Classes = 6;

    private readonly GruCell _gru;
    private readonly Nn.Linear _readout;
    private readonly Tensor _inputs;
    private readonly Tensor _h0;
    private readonly int[] _targets;
    private readonly Shape _logitShape = Shape.Of(Steps, Batch, Classes);
    private readonly Parameter[] _parameters;

    public SteadyStateAllocationTests()
    {
        var random = new RandomSource(9);
        _gru = new GruCell(InputSize, HiddenSize, random);
        _readout = new Nn.Linear(HiddenSize, Classes, random);
        _inputs = RandomTensors.Uniform(random, Shape.Of(Steps, Batch, InputSize));
        _h0 = RandomTensors.Uniform(random, Shape.Of(Batch, HiddenSize));
        _targets = RandomTensors.Indices(random, Steps * Batch, Classes);
        _parameters = [.. _gru.Parameters(), .. _readout.Parameters()];
    }

    [Fact]
    public void Repeated_gru_step_allocates_nothing()
    {
        AssertSteadyState(TrainingPass);
        Assert.Contains(_parameters, p => p.Grad.ContainsAnyExcept(0f));
    }

    [Fact]
    public void Repeated_pass_through_every_operation_allocates_nothing()
    {
        var catalog = new OpCatalog(10);
        var operations = catalog.Operations.Select(o => o.Op).ToArray();
        var leaves = catalog.Leaves.ToArray();
        AssertSteadyState(tape =>
        {
            tape.Reset();
            foreach (var leaf in leaves)
            {
                leaf.ZeroGrad();
            }

            var loss = tape.Mean(operations[0](tape));
            for (var i = 1; i < operations.Length; i++)
            {
                loss = tape.Add(loss, tape.Mean(operations[i](tape)));
            }

            tape.Backward(loss);
            return loss.Item();
        });
        Assert.All(leaves, leaf => Assert.True(leaf.Grad.ContainsAnyExcept(0f)));
    }

    /// <summary>Runs a warm-up pass, then measures the second and third: no bytes, and bit-identical losses.</summary>
    private static void AssertSteadyState(Func<Tape, float> pass)
    {
        var tape = new Tape();
        var first = pass(tape);
        var allocated = new long[2];
        var losses = new float[2];
        for (var repetition = 0; repetition < 2; repetition++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            losses[repetition] = pass(tape);
            allocated[repetition] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal([0L, 0L], allocated);
        Assert.Equal([first, first], losses);
    }

    /// <summary>
    /// Reset, zero the gradients, unroll the GRU, read out every step, cross-entropy, backward. Nothing here may
    /// pass only constants to a params span (<c>Shape.Of(3, 4)</c>): unoptimised code reads such constant data
    /// through RuntimeHelpers.CreateSpan, which allocates 72 bytes per call until the method is re-jitted.
    /// </summary>
    private float TrainingPass(Tape tape)
    {
        tape.Reset();
        foreach (var p in _parameters)
        {
            p.ZeroGrad();
        }

        _h0.ZeroGrad();
        var h = _h0;
        var s0 = h = _gru.Forward(tape, tape.Select(_inputs, 0), h);
        var s1 = h = _gru.Forward(tape, tape.Select(_inputs, 1), h);
        var s2 = _gru.Forward(tape, tape.Select(_inputs, 2), h);
        var logits = _readout.Forward(tape, tape.Relu(tape.Concat(0, s0, s1, s2)));
        var loss = tape.CrossEntropy(tape.Reshape(logits, _logitShape), _targets, 0.5f);
        tape.Backward(loss);
        return loss.Item();
    }
}
